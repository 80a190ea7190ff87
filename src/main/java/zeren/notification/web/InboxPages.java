package zeren.notification.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.notification.Notifications;

/** The signed-in user's inbox: their notifications, newest first, each linked to where the work is done. */
@Controller
class InboxPages {

	private final Notifications notifications;
	private final MessageSource messages;

	InboxPages(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@GetMapping("/notifications")
	String inbox(Model model) {
		model.addAttribute("notifications", notifications.mine());
		return "notification/inbox";
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		notifications.markRead(id);
		flash.addFlashAttribute("notice", messages.getMessage("notification.inbox.marked", null, locale));
		return "redirect:/notifications";
	}
}
