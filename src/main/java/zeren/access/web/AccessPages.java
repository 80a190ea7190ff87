package zeren.access.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import zeren.access.ApiToken;
import zeren.access.Role;
import zeren.access.UserLists;
import zeren.access.Users;
import zeren.access.Contacts;
import zeren.access.internal.PasswordChecksBusy;
import zeren.platform.CurrentUser;
import zeren.org.OrgTree;
import zeren.org.People;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Paged;
import zeren.platform.web.Dates;
import zeren.platform.web.ListQuery;
import zeren.platform.web.PageErrors;
import zeren.platform.xlsx.TableExport;

/** Login, one's own account (password, tokens), and the administrators' user pages. */
@Controller
class AccessPages {

	private final Users users;
	private final CurrentScope scope;
	private final OrgTree tree;
	private final MessageSource messages;
	private final PageErrors pageErrors;
	private final People people;
	private final Contacts contacts;
	private final UserLists lists;
	private final Dates dates;

	AccessPages(Users users, CurrentScope scope, OrgTree tree, MessageSource messages, PageErrors pageErrors,
			People people, Contacts contacts, UserLists lists, Dates dates) {
		this.lists = lists;
		this.dates = dates;
		this.users = users;
		this.contacts = contacts;
		this.people = people;
		this.scope = scope;
		this.tree = tree;
		this.messages = messages;
		this.pageErrors = pageErrors;
	}

	@GetMapping("/login")
	String login() {
		return "access/login";
	}

	private List<String> render(RuntimeException e, Locale locale) {
		return pageErrors.of(e, locale);
	}

	@GetMapping("/account")
	String account(Model model) {
		long id = CurrentUser.id().orElseThrow(ForbiddenException::new);
		model.addAttribute("user", users.get(id));
		model.addAttribute("tokens", users.tokens(id));
		model.addAttribute("channels", contacts.mine());
		var grants = users.grants(id);
		model.addAttribute("grants", grants);
		java.util.Map<Long, String> orgNames = new java.util.HashMap<>();
		grants.stream().filter(g -> g.orgId() != null)
				.forEach(g -> tree.find(g.orgId()).ifPresent(o -> orgNames.put(o.id(), o.name())));
		model.addAttribute("grantOrgs", orgNames);
		return "access/account";
	}

	/** The signed-in user's choice of channels for their reminders (the inbox always). */
	@PostMapping("/account/channels")
	String channels(@RequestParam(defaultValue = "false") boolean email, @RequestParam(defaultValue = "false") boolean message,
			RedirectAttributes flash, Locale locale) {
		contacts.setMine(new Contacts.Channels(email, message));
		flash.addFlashAttribute("notice", messages.getMessage("notification.channels.saved", null, locale));
		return "redirect:/account";
	}

	/** An administrator sets a user's e-mail address (blank removes it). */
	@PostMapping("/admin/users/{id}/email")
	String email(@PathVariable long id, @RequestParam(required = false) String email, RedirectAttributes flash,
			Locale locale) {
		requireAdmin();
		try {
			contacts.setEmail(id, new Contacts.EmailChange(email));
			flash.addFlashAttribute("notice", messages.getMessage("users.email.saved", null, locale));
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("errors", render(e, locale));
			flash.addFlashAttribute("typedEmail", email);
		}
		return "redirect:/admin/users/" + id;
	}

	/** Changes one's password; this page's session stays, the user's other sessions end. */
	@PostMapping("/account/password")
	String changePassword(@RequestParam(required = false) String oldPassword,
			@RequestParam(required = false) String newPassword, HttpServletRequest request, RedirectAttributes flash,
			Locale locale) {
		HttpSession session = request.getSession(false);
		try {
			users.changePassword(CurrentUser.id().orElseThrow(ForbiddenException::new),
					new Users.PasswordChange(oldPassword, newPassword), session == null ? "" : session.getId());
			flash.addFlashAttribute("notice", messages.getMessage("account.password.changed", null, locale));
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", render(e, locale));
		}
		catch (PasswordChecksBusy e) {
			flash.addFlashAttribute("errors", List.of(messages.getMessage("login.busy", null, locale)));
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer days,
			RedirectAttributes flash, Locale locale) {
		try {
			ApiToken token = users.createToken(CurrentUser.id().orElseThrow(ForbiddenException::new),
					new Users.NewToken(name, days));
			flash.addFlashAttribute("newToken", token.secret());
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", render(e, locale));
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable long tokenId, RedirectAttributes flash) {
		users.revokeToken(CurrentUser.id().orElseThrow(ForbiddenException::new), tokenId);
		flash.addFlashAttribute("success", true);
		return "redirect:/account";
	}

	private void requireAdmin() {
		if (!scope.isAdmin()) {
			throw new NotFoundException("page", "admin");
		}
	}

	static final int PAGE_SIZE = 50;

	/** The users, searched (user name, e-mail), filtered (state), sorted and paged; the query stays in the address. */
	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
		requireAdmin();
		UserLists.UserSort order = UserLists.UserSort.of(sort);
		UserLists.UserState chosen = UserLists.UserState.of(state);
		model.addAttribute("listQuery", ListQuery.of(q, order).with("state", chosen));
		model.addAttribute("sorts", UserLists.UserSort.values());
		model.addAttribute("states", UserLists.UserState.values());
		model.addAttribute("users", lists.page(new UserLists.UserFilter(q, state), order, Paged.page(page), PAGE_SIZE));
		return "access/users";
	}

	/** The users list as XLSX, with the page's search, filter and sort (every page). */
	@GetMapping("/admin/users/export.xlsx")
	void exportUsers(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) {
		requireAdmin();
		List<zeren.access.UserAccount> rows = lists.all(new UserLists.UserFilter(q, state), UserLists.UserSort.of(sort));
		TableExport.send(response, m(locale, "users.title"), book -> {
			TableExport.Sheet sheet = book.sheet(m(locale, "users.title"), List.of(m(locale, "login.username"),
					m(locale, "field.access.email"), m(locale, "users.enabled"), m(locale, "users.lockedUntil")));
			for (var u : rows) {
				sheet.row(u.username(), u.email(), m(locale, u.enabled() ? "users.state.ENABLED" : "users.state.DISABLED"),
						u.lockedUntil() == null ? null : dates.time(u.lockedUntil()));
			}
		});
	}

	/** The locks in force as XLSX: on user names (one sheet) and on source addresses (another). */
	@GetMapping("/admin/login-locks/export.xlsx")
	void exportLocks(Locale locale, HttpServletResponse response) {
		requireAdmin();
		List<UserLists.UserLock> userLocks = lists.userLocks();
		List<Users.AddressLockout> addressLocks = users.addressLockouts();
		TableExport.send(response, m(locale, "loginLocks.export"), book -> {
			TableExport.Sheet byName = book.sheet(m(locale, "loginLocks.users"), List.of(m(locale, "login.username"),
					m(locale, "users.lockouts.address"), m(locale, "loginLocks.failures"), m(locale, "users.lockouts.until")));
			for (var l : userLocks) {
				byName.row(l.username(), l.clientAddress(), l.failures(), until(l.permanent(), l.lockedUntil(), locale));
			}
			TableExport.Sheet byAddress = book.sheet(m(locale, "loginLocks.title"), List.of(m(locale, "users.lockouts.address"),
					m(locale, "loginLocks.failures"), m(locale, "users.lockouts.until")));
			for (var l : addressLocks) {
				byAddress.row(l.clientAddress(), l.failures(), until(l.permanent(), l.lockedUntil(), locale));
			}
		});
	}

	private String until(boolean permanent, java.time.OffsetDateTime lockedUntil, Locale locale) {
		return permanent ? m(locale, "users.lockouts.permanent") : lockedUntil == null ? null : dates.time(lockedUntil);
	}

	private String m(Locale locale, String code) {
		return messages.getMessage(code, null, locale);
	}

	@GetMapping("/admin/users/{id}")
	String user(@PathVariable long id, Model model) {
		requireAdmin();
		model.addAttribute("user", users.get(id));
		model.addAttribute("lockouts", users.lockouts(id));
		model.addAttribute("grants", users.grants(id).stream()
				.map(g -> new GrantView(g.id(), g.role(), g.orgId() == null ? null : tree.find(g.orgId()).map(o -> o.name() + " (" + o.code() + ")").orElse("#" + g.orgId()), g.includeDescendants()))
				.toList());
		model.addAttribute("roles", Role.values());
		var user = users.get(id);
		model.addAttribute("linkedPerson", user.personId() == null ? null : people.find(user.personId()).orElse(null));
		return "access/user";
	}

	record GrantView(long id, Role role, String org, boolean includeDescendants) {
	}

	@PostMapping("/admin/users")
	String createUser(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(required = false) String email, RedirectAttributes flash, Locale locale) {
		requireAdmin();
		try {
			long id = users.create(new Users.NewUser(username, password, null, true, email)).id();
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", render(e, locale));
			flash.addFlashAttribute("typedUsername", username);
			flash.addFlashAttribute("typedEmail", email);
			return "redirect:/admin/users";
		}
	}

	@PostMapping("/admin/users/{id}/grants")
	String grant(@PathVariable long id, @RequestParam(required = false) Role role,
			@RequestParam(required = false) String orgCode, @RequestParam(defaultValue = "false") boolean includeDescendants,
			RedirectAttributes flash, Locale locale) {
		requireAdmin();
		try {
			Long orgId = null;
			if (orgCode != null && !orgCode.isBlank()) {
				orgId = tree.findByCode(orgCode.strip())
						.orElseThrow(() -> InvalidInputException.of("orgId", "error.org.unknown", orgCode.strip())).id();
			}
			users.addGrant(id, new Users.NewGrant(role, orgId, includeDescendants));
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", render(e, locale));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/grants/{grantId}/revoke")
	String revokeGrant(@PathVariable long id, @PathVariable long grantId, RedirectAttributes flash) {
		requireAdmin();
		users.removeGrant(id, grantId);
		flash.addFlashAttribute("success", true);
		return "redirect:/admin/users/" + id;
	}

	/** Links the user to a person (by id; empty unlinks): what signing a letter and "my tasks" go by. */
	@PostMapping("/admin/users/{id}/person")
	String linkPerson(@PathVariable long id, @RequestParam(required = false) Long personId, RedirectAttributes flash,
			Locale locale) {
		requireAdmin();
		try {
			users.linkPerson(id, personId);
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", render(e, locale));
		}
		return "redirect:/admin/users/" + id;
	}

	/** An administrator's unlock of a user's sign-in from every address (audited). */
	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes flash, Locale locale) {
		requireAdmin();
		int released = users.unlock(id);
		flash.addFlashAttribute("notice", messages.getMessage("users.unlocked", new Object[] { released }, locale));
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/admin/login-locks")
	String loginLocks(Model model) {
		requireAdmin();
		model.addAttribute("locks", users.addressLockouts());
		model.addAttribute("userLocks", lists.userLocks());
		return "access/login-locks";
	}

	/** An administrator's unlock of a source address, for every user name (audited). */
	@PostMapping("/admin/login-locks/unlock")
	String unlockAddress(@RequestParam(required = false) String address, RedirectAttributes flash, Locale locale) {
		requireAdmin();
		try {
			users.unlockAddress(new Users.AddressUnlock(address));
			flash.addFlashAttribute("notice", messages.getMessage("loginLocks.unlocked", new Object[] { address }, locale));
		}
		catch (InvalidInputException | NotFoundException e) {
			flash.addFlashAttribute("errors", e instanceof InvalidInputException invalid ? render(invalid, locale)
					: List.of(messages.getMessage("loginLocks.none", null, locale)));
		}
		return "redirect:/admin/login-locks";
	}

	@PostMapping("/admin/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
		requireAdmin();
		users.setEnabled(id, enabled);
		flash.addFlashAttribute("success", true);
		return "redirect:/admin/users/" + id;
	}
}
