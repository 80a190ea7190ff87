package zeren.platform.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
				: authentication.getName();
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
