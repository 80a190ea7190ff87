package zeren.org.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import zeren.org.Leadership;
import zeren.org.OrgTree;
import zeren.org.People;

/**
 * The matches a picker offers while one types (fragments/picker): people and organisations the
 * caller may read, by part of the name (or ID number / code), through the same scoped searches
 * as the people register and the organisation API. HTML fragments for htmx, not an API.
 */
@Controller
@Hidden
class PickerPages {

	static final int MATCHES = 15;

	private final People people;
	private final OrgTree tree;
	private final Leadership leadership;

	PickerPages(People people, OrgTree tree, Leadership leadership) {
		this.people = people;
		this.tree = tree;
		this.leadership = leadership;
	}

	@GetMapping("/pick/people")
	String people(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("matches", q == null || q.isBlank() ? java.util.List.of() : people.search(q, MATCHES)
				.stream().map(p -> new Match(p.id(), p.name(), p.birthDate() == null ? null : String.valueOf(p.birthDate().getYear())))
				.toList());
		model.addAttribute("kind", "people");
		model.addAttribute("asked", q != null && !q.isBlank());
		return "fragments/picker :: options";
	}

	/** {@code within}: only the organisation and those below it (a form whose choice must lie there sets it, as hx-vals). */
	@GetMapping("/pick/orgs")
	String orgs(@RequestParam(required = false) String q, @RequestParam(required = false) Long within, Model model) {
		model.addAttribute("matches", tree.search(q, within == null ? null : tree.subtree(within), MATCHES).stream()
				.map(o -> new Match(o.id(), o.name(), o.code())).toList());
		model.addAttribute("kind", "orgs");
		model.addAttribute("asked", q != null && !q.isBlank());
		return "fragments/picker :: options";
	}

	/**
	 * The posts of an organisation the caller may read, as the options of a post choice (e.g. the
	 * responsible posts of a finding, reloaded when its organisation changes); 404 outside scope.
	 * The organisation comes under the name of the form's field that chooses it: {@code orgId},
	 * or the name given as {@code orgField} (a form with several organisation fields).
	 */
	@GetMapping("/pick/posts")
	String posts(@RequestParam(defaultValue = "orgId") String orgField,
			@RequestParam java.util.Map<String, String> params, Model model) {
		String value = params.get(orgField);
		if (value == null || !value.matches("\\d{1,18}")) {
			throw zeren.platform.InvalidInputException.of(orgField, "error.field.required");
		}
		model.addAttribute("posts", leadership.posts(Long.parseLong(value)));
		return "fragments/picker :: postOptions";
	}

	/** One match: the id the form sends, the name shown, and a detail that tells namesakes apart. */
	record Match(long id, String name, String detail) {
	}
}
