package zeren.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import zeren.platform.CurrentScope;

/** Every page knows who is signed in, for the navigation bar. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel {

	private final CurrentScope scope;

	CurrentUserModel(CurrentScope scope) {
		this.scope = scope;
	}

	@ModelAttribute("currentUsername")
	String currentUsername(HttpServletRequest request) {
		return PageModel.wanted(request) ? zeren.platform.CurrentUser.username().orElse(null) : null;
	}

	@ModelAttribute("currentIsAdmin")
	boolean currentIsAdmin(HttpServletRequest request) {
		return currentUsername(request) != null && scope.isAdmin();
	}

	@ModelAttribute("currentCanAudit")
	boolean currentCanAudit(HttpServletRequest request) {
		return currentUsername(request) != null && (scope.isAdmin() || !scope.supervising().isEmpty());
	}
}
