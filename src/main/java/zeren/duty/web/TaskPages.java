package zeren.duty.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import zeren.duty.ResponsibilityLetters;
import zeren.duty.ResponsibilityLists;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.NotFoundException;

/**
 * "My tasks" of the signed-in user (一岗双责): through the person their account is linked to, the
 * items of every post that person holds today, and the letters waiting for their signature.
 */
@Controller
class TaskPages {

	private final CurrentScope scope;
	private final ResponsibilityLists lists;
	private final ResponsibilityLetters letters;
	private final BusinessClock clock;

	TaskPages(CurrentScope scope, ResponsibilityLists lists, ResponsibilityLetters letters, BusinessClock clock) {
		this.scope = scope;
		this.lists = lists;
		this.letters = letters;
		this.clock = clock;
	}

	@GetMapping("/duty/tasks")
	String tasks(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		model.addAttribute("year", y);
		String username = CurrentUser.username().orElseThrow(() -> new NotFoundException("user", "me"));
		model.addAttribute("username", username);
		Long personId = scope.person().orElse(null);
		model.addAttribute("linked", personId != null);
		List<ResponsibilityLists.Task> tasks = List.of();
		if (personId != null) {
			tasks = lists.myTasks(y, clock.today());
			model.addAttribute("awaiting", letters.awaitingSignatureOf(personId, y));
		}
		model.addAttribute("tasks", tasks);
		return "duty/tasks";
	}
}
