package zeren.org.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgImport;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.PostKind;
import zeren.org.Tenure;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.web.PageErrors;
import zeren.platform.web.Messages;

/** Pages of the organisation tree: the lazy tree browser, an organisation, the import. */
@Controller
class OrgPages {

	private final OrgTree tree;
	private final OrgImport importer;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final PageErrors errors;
	private final org.springframework.context.MessageSource messages;

	OrgPages(OrgTree tree, OrgImport importer, Leadership leadership, BusinessClock clock, PageErrors errors,
			org.springframework.context.MessageSource messages) {
		this.tree = tree;
		this.importer = importer;
		this.leadership = leadership;
		this.clock = clock;
		this.errors = errors;
		this.messages = messages;
	}

	@GetMapping("/orgs")
	String index(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("roots", tree.roots());
		model.addAttribute("types", OrgType.values());
		if (q != null && !q.isBlank()) {
			model.addAttribute("q", q);
			model.addAttribute("results", tree.search(q, null, 100));
		}
		return "orgs/index";
	}

	/**
	 * One level of the tree, loaded when a node is expanded (htmx); {@code pick=true} for the
	 * organisation switcher (fragments/chooser), whose nodes choose instead of linking.
	 */
	@GetMapping("/orgs/{id}/children")
	String children(@PathVariable long id, @RequestParam(defaultValue = "false") boolean pick, Model model) {
		model.addAttribute("nodes", tree.children(id));
		return pick ? "orgs/children :: pickList" : "orgs/children :: list";
	}

	/** The organisation switcher's search: the caller's organisations whose code or name matches (htmx). */
	@GetMapping("/orgs/pick")
	String pick(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("results", tree.search(q, null, 30));
		return "orgs/children :: pickResults";
	}

	@GetMapping("/orgs/{id}")
	String show(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model) {
		Org org = tree.get(id);
		LocalDate date = at == null ? clock.today() : at;
		model.addAttribute("org", org);
		model.addAttribute("ancestors", tree.ancestors(id));
		model.addAttribute("children", tree.children(id));
		model.addAttribute("childCount", tree.childCount(id));
		model.addAttribute("subtreeSize", tree.subtreeSize(id));
		model.addAttribute("disciplineBody", org.disciplineBodyId() == null ? null : tree.get(org.disciplineBodyId()));
		model.addAttribute("at", date);
		model.addAttribute("leaders", leadership.leadersAt(id, date));
		model.addAttribute("history", leadership.history(id));
		model.addAttribute("posts", leadership.posts(id));
		model.addAttribute("types", OrgType.values());
		model.addAttribute("kinds", PostKind.values());
		model.addAttribute("reasons", Tenure.EndReason.values());
		return "orgs/show";
	}

	private String back(long id) {
		return "redirect:/orgs/" + id;
	}

	private String refused(RuntimeException e, RedirectAttributes flash, Locale locale, String target) {
		flash.addFlashAttribute("errors", errors.of(e, locale));
		return target;
	}

	@PostMapping("/orgs")
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String type, @RequestParam(required = false) String parentCode,
			RedirectAttributes flash, Locale locale) {
		Long parentId = null;
		String failTarget = "redirect:/orgs";
		try {
			if (parentCode != null && !parentCode.isBlank()) {
				Org parent = tree.findByCode(parentCode.strip()).orElseThrow(() -> InvalidInputException.of("parentId",
						"error.org.parent-unknown", parentCode.strip()));
				parentId = parent.id();
				failTarget = back(parent.id());
			}
			OrgType orgType = type == null ? null : OrgType.parse(type).orElse(null);
			Org org = tree.create(new OrgTree.NewOrg(code, name, orgType, parentId, null, null));
			return back(org.id());
		}
		catch (InvalidInputException | ConflictException e) {
			// the form comes back with what was typed
			flash.addFlashAttribute("orgForm", java.util.Map.of("code", code == null ? "" : code, "name",
					name == null ? "" : name, "type", type == null ? "" : type, "parentCode",
					parentCode == null ? "" : parentCode));
			return refused(e, flash, locale, failTarget);
		}
	}

	@PostMapping("/orgs/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> {
			tree.rename(id, name);
		}, back(id), flash, locale);
	}

	@PostMapping("/orgs/{id}/move")
	String move(@PathVariable long id, @RequestParam(required = false) String parentCode, RedirectAttributes flash,
			Locale locale) {
		return errors.attempt(() -> {
			String code = parentCode == null ? "" : parentCode.strip();
			Org parent = tree.findByCode(code)
					.orElseThrow(() -> InvalidInputException.of("parentId", "error.org.parent-unknown", code));
			tree.move(id, parent.id());
		}, back(id), flash, locale);
	}

	/** Links this Party committee to its discipline body (chosen in the organisation picker). */
	@PostMapping("/orgs/{id}/discipline-body")
	String linkDisciplineBody(@PathVariable long id, @RequestParam(required = false) Long disciplineBodyId,
			RedirectAttributes flash, Locale locale) {
		tree.manageableOrForbidden(id);
		return errors.attempt(() -> {
			if (disciplineBodyId == null) {
				throw InvalidInputException.of("disciplineBodyId", "error.field.required");
			}
			tree.linkDisciplineBody(id, disciplineBodyId);
			flash.addFlashAttribute("notice",
					errors.message("org.discipline.linked", locale, tree.get(disciplineBodyId).name()));
		}, back(id), flash, locale);
	}

	@PostMapping("/orgs/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> {
			tree.deactivate(id);
		}, back(id), flash, locale);
	}

	@PostMapping("/orgs/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> {
			tree.reactivate(id);
		}, back(id), flash, locale);
	}

	@PostMapping("/orgs/{id}/posts")
	String addPost(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String areas,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> {
			PostKind postKind = null;
			for (PostKind k : PostKind.values()) {
				if (k.name().equals(kind)) {
					postKind = k;
				}
			}
			leadership.addPost(id, new Leadership.NewPost(title, postKind,
					areas == null ? List.of() : List.of(areas.split("\\R")), null));
		}, back(id), flash, locale);
	}

	@PostMapping("/orgs/{id}/appointments")
	String appoint(@PathVariable long id, @RequestParam(required = false) Long postId,
			@RequestParam(required = false) String personId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
			RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> {
			Long person;
			try {
				person = personId == null || personId.isBlank() ? null : Long.valueOf(personId.strip());
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of("personId", "error.field.format", personId);
			}
			if (postId != null && leadership.getPost(postId).orgId() != id) {
				throw InvalidInputException.of("postId", "error.post.unknown", postId);
			}
			leadership.appoint(new Leadership.NewTenure(person, postId, startDate, null));
		}, back(id), flash, locale);
	}

	@PostMapping("/tenures/{id}/end")
	String endTenure(@PathVariable long id, @RequestParam long orgId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
			@RequestParam(required = false) Tenure.EndReason reason, RedirectAttributes flash, Locale locale) {
		return errors.attempt(() -> {
			leadership.end(id, endDate, reason);
		}, back(orgId), flash, locale);
	}

	@GetMapping("/orgs/import")
	String importForm() {
		return "orgs/import";
	}

	@PostMapping("/orgs/import")
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
			throws IOException {
		try {
			OrgImport.Result result = OrgFiles.importUpload(importer, file);
			model.addAttribute("result", result);
		}
		catch (InvalidInputException e) {
			List<String> lines = e.errors().stream().map((InputError error) -> Messages.render(messages, error, locale))
					.toList();
			model.addAttribute("importErrors", lines);
			model.addAttribute("errorCount", e.errorCount());
		}
		catch (ConflictException e) {
			// another import is running
			model.addAttribute("importErrors", List.of(Messages.render(messages, e.error(), locale)));
			model.addAttribute("errorCount", 1);
		}
		return "orgs/import";
	}
}
