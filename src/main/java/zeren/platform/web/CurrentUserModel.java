package zeren.platform.web;

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
	String currentUsername() {
		return zeren.platform.CurrentUser.username().orElse(null);
	}

	@ModelAttribute("currentIsAdmin")
	boolean currentIsAdmin() {
		return currentUsername() != null && scope.isAdmin();
	}

	@ModelAttribute("currentCanAudit")
	boolean currentCanAudit() {
		return currentUsername() != null && (scope.isAdmin() || !scope.supervising().isEmpty());
	}
}
