package zeren.notification.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import zeren.org.OrgTree;
import zeren.platform.Attention;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;

/**
 * The start page: the signed-in person's attention list — what every module's {@link Attention}
 * bean says that person must do now, grouped, each linked to where it is done — and, for an
 * account without a person, the organisations at the top of the caller's view with a link to
 * their dashboard. Below it, the responsibility cycle.
 */
@Controller
class HomePage {

	private final List<Attention> sources;
	private final CurrentScope scope;
	private final BusinessClock clock;
	private final OrgTree tree;

	HomePage(List<Attention> sources, CurrentScope scope, BusinessClock clock, OrgTree tree) {
		this.sources = sources;
		this.scope = scope;
		this.clock = clock;
		this.tree = tree;
	}

	@GetMapping("/")
	String home(Model model) {
		Long personId = scope.person().orElse(null);
		model.addAttribute("linked", personId != null);
		if (personId != null) {
			Map<String, List<Attention.Item>> groups = new LinkedHashMap<>();
			for (Attention source : sources) {
				for (Attention.Item item : source.forPerson(personId, clock.today())) {
					groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
				}
			}
			model.addAttribute("attention", groups);
		}
		else {
			model.addAttribute("tops", tree.roots().stream().limit(20).toList());
		}
		return "index";
	}
}
