package zeren.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import zeren.notification.Notifications;
import zeren.platform.CurrentUser;
import zeren.platform.web.PageModel;

/** The unread count in the header of every page ({@code nav-inbox}); none without a signed-in user. */
@ControllerAdvice(annotations = Controller.class)
class InboxModel {

	private final Notifications notifications;

	InboxModel(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("inboxUnread")
	Long inboxUnread(HttpServletRequest request) {
		return CurrentUser.id().isPresent() && PageModel.wanted(request) ? notifications.unreadCount() : null;
	}
}
