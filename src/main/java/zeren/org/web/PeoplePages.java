package zeren.org.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.org.Leadership;
import zeren.org.People;
import zeren.org.Person;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;

/** Pages for people: the register, and each person's career. */
@Controller
class PeoplePages {

	private final People people;
	private final Leadership leadership;
	private final PageErrors errors;
	private final zeren.org.OrgTree tree;
	private final org.springframework.context.MessageSource messages;

	PeoplePages(People people, Leadership leadership, PageErrors errors, zeren.org.OrgTree tree,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.people = people;
		this.leadership = leadership;
		this.errors = errors;
		this.tree = tree;
	}

	static final int PAGE_SIZE = 50;

	@GetMapping("/people")
	String index(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
		People.Sort order = "NAME".equals(sort) ? People.Sort.NAME : People.Sort.RECENT;
		model.addAttribute("q", q);
		model.addAttribute("sort", order.name());
		model.addAttribute("listQuery", zeren.platform.web.ListQuery.of(q, order).with("orgId", orgId));
		model.addAttribute("people", people.page(q, orgId, order, zeren.platform.Paged.page(page), PAGE_SIZE));
		model.addAttribute("chosenOrg", orgId == null ? java.util.List.of()
				: java.util.List.of(new ChosenOrg(orgId, tree.get(orgId).name())));
		return "people/index";
	}

	/** The people register as XLSX, with the page's search and sort (every page, in the caller's view). */
	@GetMapping("/people/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Long orgId, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		People.Sort order = "NAME".equals(sort) ? People.Sort.NAME : People.Sort.RECENT;
		var rows = people.page(q, orgId, order, 1, MAX_EXPORTED).items();
		zeren.platform.xlsx.TableExport.send(response, m(locale, "people.export"), book -> {
			var sheet = book.sheet(m(locale, "people.title"), java.util.List.of(m(locale, "person.id"),
					m(locale, "people.name"), m(locale, "people.gender"), m(locale, "people.birthDate")));
			for (Person p : rows) {
				sheet.row(p.id(), p.name(), p.gender() == null ? null : m(locale, "gender." + p.gender()), p.birthDate());
			}
		});
	}

	/** The most rows one export of the register carries. */
	static final int MAX_EXPORTED = 100_000;

	private String m(Locale locale, String code) {
		return messages.getMessage(code, null, locale);
	}

	/** The organisation chosen in the filter, as the picker shows it. */
	record ChosenOrg(long id, String name) {
	}

	@GetMapping("/people/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("person", people.get(id));
		model.addAttribute("career", leadership.career(id));
		return "people/show";
	}

	@PostMapping("/people")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String gender,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String notes,
			@RequestParam(required = false) String orgCode, RedirectAttributes flash, Locale locale) {
		try {
			Person.Gender g = gender == null || gender.isBlank() ? null : Person.Gender.valueOf(gender);
			Long orgId = null;
			if (orgCode != null && !orgCode.isBlank()) {
				orgId = tree.findByCode(orgCode.strip())
						.orElseThrow(() -> InvalidInputException.of("orgId", "error.org.unknown", orgCode.strip())).id();
			}
			Person person = people.create(new People.NewPerson(name, g, birthDate, idNumber,
					notes == null || notes.isBlank() ? null : notes, orgId));
			return "redirect:/people/" + person.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", errors.of(e, locale));
			// the form comes back with what was typed
			flash.addFlashAttribute("personForm", java.util.Map.of("name", name == null ? "" : name, "gender",
					gender == null ? "" : gender, "birthDate", birthDate == null ? "" : birthDate.toString(), "idNumber",
					idNumber == null ? "" : idNumber, "notes", notes == null ? "" : notes, "orgCode",
					orgCode == null ? "" : orgCode));
			return "redirect:/people";
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("errors", errors.of(InvalidInputException.of("gender", "error.field.format", gender), locale));
			return "redirect:/people";
		}
	}
}
