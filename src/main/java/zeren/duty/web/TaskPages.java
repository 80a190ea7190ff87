package zeren.duty.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.ResponsibilityLetters;
import zeren.duty.ResponsibilityLists;
import zeren.platform.BusinessClock;
import zeren.platform.NotFoundException;

/**
 * "My tasks" of the signed-in user (一岗双责): through the person their account is linked to, the
 * items of every post that person holds today, and the letters waiting for their signature.
 */
@Controller
class TaskPages {

	private final Users users;
	private final ResponsibilityLists lists;
	private final ResponsibilityLetters letters;
	private final BusinessClock clock;

	TaskPages(Users users, ResponsibilityLists lists, ResponsibilityLetters letters, BusinessClock clock) {
		this.users = users;
		this.lists = lists;
		this.letters = letters;
		this.clock = clock;
	}

	@GetMapping("/duty/tasks")
	String tasks(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		UserAccount user = users.current().orElseThrow(() -> new NotFoundException("user", "me"));
		model.addAttribute("username", user.username());
		model.addAttribute("linked", user.personId() != null);
		List<ResponsibilityLists.Task> tasks = List.of();
		if (user.personId() != null) {
			tasks = lists.myTasks(y, clock.today());
			model.addAttribute("awaiting", letters.awaitingSignatureOf(user.personId(), y));
		}
		model.addAttribute("tasks", tasks);
		return "duty/tasks";
	}
}
