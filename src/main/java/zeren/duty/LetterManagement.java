package zeren.duty;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.duty.ResponsibilityLetter.Item;
import zeren.duty.ResponsibilityLetter.Kind;
import zeren.duty.ResponsibilityLetter.Party;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Step;
import zeren.duty.ResponsibilityLetters.Head;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;

/**
 * Changing responsibility letters (责任书): generated for a year from the issuing organisation's
 * list, edited while a draft, issued (content fixed and hashed, {@link LetterContent}), signed by
 * each party in the application ({@link SigningRules}), then immutable. The moves a letter allows
 * are its status's ({@link ResponsibilityLetter.Status#allows}). Reading is
 * {@link ResponsibilityLetters}'.
 */
@Service
@Transactional
public class LetterManagement {

	private final JdbcClient jdbc;
	private final ResponsibilityLetters letters;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final String titlePattern;
	private final String preamble;
	private final Validator validator;

	private final org.springframework.context.ApplicationEventPublisher events;

	LetterManagement(JdbcClient jdbc, ResponsibilityLetters letters, OrgTree tree, BusinessClock clock,
			CurrentScope scope, AuditTrail audit, Validator validator,
			@Value("${zeren.letters.title:}") String titlePattern, @Value("${zeren.letters.preamble:}") String preamble,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.letters = letters;
		this.tree = tree;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.events = events;
		this.titlePattern = titlePattern == null || titlePattern.isBlank() ? "{0}年度全面从严治党主体责任书" : titlePattern;
		this.preamble = preamble;
	}

	// ---- generating -------------------------------------------------------------------------------

	/** The issuing organisation and the year of a generation. */
	public record Generation(@NotNull Long orgId, @NotNull Integer year) {
	}

	/** What a generation did: the letters created and the lower organisations without a 书记 post. */
	public record Generated(List<Long> created, List<String> skipped) {
	}

	private record PostRow(long id, long orgId, String title) {
	}

	private record Child(long id, String name) {
	}

	private Optional<PostRow> secretaryPost(long orgId) {
		return jdbc.sql("""
				SELECT id, org_id, title FROM post WHERE org_id = :org AND kind = 'SECRETARY' AND active
				ORDER BY sort_order, id""").param("org", orgId).query(Rows.of(PostRow.class)).list().stream().findFirst();
	}

	/**
	 * Creates, in one go, the year's letters of an organisation that it does not have yet: one to
	 * each active directly lower organisation (to its 书记 post), with the requirements the
	 * organisation published for the year ("1+X"), or its list's items when it published none;
	 * and one to each other post of its leadership team (not liaisons), with the list's items
	 * whose responsible leader is that post. The issuing party is the organisation's 书记 post.
	 */
	public Generated generate(Generation request) {
		List<InputError> errors = violations(request);
		if (request.orgId() == null) {
			throw new InvalidInputException(errors);
		}
		long orgId = request.orgId();
		if (!tree.canManage(orgId)) {
			tree.get(orgId);
			throw new ForbiddenException();
		}
		ListRules.checkYear(request.year(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int year = request.year();
		Org org = tree.get(orgId);
		PostRow issuer = secretaryPost(orgId)
				.orElseThrow(() -> new ConflictException("orgId", "error.letters.no-secretary", org.name()));
		List<Long> created = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<Item> orgItems = itemsForLowerOrganisations(orgId, year);
		List<Child> children = jdbc.sql("SELECT id, name FROM org WHERE parent_id = :org AND active ORDER BY sort_order, name, id")
				.param("org", orgId).query(Rows.of(Child.class)).list();
		for (Child child : children) {
			Optional<PostRow> post = secretaryPost(child.id());
			if (post.isEmpty()) {
				skipped.add(child.name());
				continue;
			}
			insert(org, year, Kind.ORG, child.id(), issuer, post.get(), orgItems).ifPresent(created::add);
		}
		List<PostRow> team = jdbc.sql("""
				SELECT id, org_id, title FROM post WHERE org_id = :org AND active AND kind NOT IN ('SECRETARY', 'LIAISON')
				ORDER BY sort_order, id""").param("org", orgId).query(Rows.of(PostRow.class)).list();
		for (PostRow member : team) {
			insert(org, year, Kind.TEAM, orgId, issuer, member, listItems(orgId, year, member.id()))
					.ifPresent(created::add);
		}
		return new Generated(created, skipped);
	}

	/** {@link #generate(Generation)} of an organisation for a year. */
	public Generated generate(long orgId, int year) {
		return generate(new Generation(orgId, year));
	}

	private List<Item> itemsForLowerOrganisations(long orgId, int year) {
		List<Item> requirements = jdbc.sql("""
				SELECT id, item_no, category, task, goal, deadline FROM duty_requirement
				WHERE org_id = :org AND duty_year = :year ORDER BY sort_order, id""").param("org", orgId)
				.param("year", year).query(Rows.of(Item.class)).list();
		if (!requirements.isEmpty()) {
			// not list items: no source
			return requirements.stream().map(r -> new Item(0, r.itemNo(), r.category(), r.task(), r.goal(), r.deadline()))
					.toList();
		}
		return listItems(orgId, year, null);
	}

	/** The items of the organisation's list of the year; of one responsible leader's post, or all with null. */
	private List<Item> listItems(long orgId, int year, Long leaderPostId) {
		return jdbc.sql("""
				SELECT i.id, i.item_no, i.category, i.task, i.goal, i.deadline
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id
				WHERE l.org_id = :org AND l.duty_year = :year %s
				ORDER BY CASE WHEN i.requirement_id IS NULL THEN 1 ELSE 0 END, i.sort_order, i.id""".formatted(
				leaderPostId == null ? "" : "AND i.leader_post_id = :leader")).param("org", orgId).param("year", year)
				.params(leaderPostId == null ? Map.of() : Map.of("leader", leaderPostId)).query(Rows.of(Item.class)).list();
	}

	private Optional<Long> insert(Org issuerOrg, int year, Kind kind, long recipientOrgId, PostRow issuer,
			PostRow recipient, List<Item> items) {
		boolean exists = jdbc.sql("""
				SELECT COUNT(*) FROM duty_letter WHERE issuer_org_id = :org AND duty_year = :year AND recipient_post_id = :post""")
				.param("org", issuerOrg.id()).param("year", year).param("post", recipient.id()).query(Long.class)
				.single() > 0;
		if (exists) {
			return Optional.empty();
		}
		String recipientOrgName = jdbc.sql("SELECT name FROM org WHERE id = :id").param("id", recipientOrgId)
				.query(String.class).single();
		var now = clock.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO duty_letter (issuer_org_id, duty_year, kind, recipient_org_id, issuer_post_id, recipient_post_id,
				  issuer_org_name, issuer_post_title, recipient_org_name, recipient_post_title, title, preamble, status, created_at)
				VALUES (:org, :year, :kind, :rorg, :ipost, :rpost, :ioname, :iptitle, :roname, :rptitle, :title, :preamble,
				  'DRAFT', :now)""").param("org", issuerOrg.id()).param("year", year).param("kind", kind.name())
				.param("rorg", recipientOrgId).param("ipost", issuer.id()).param("rpost", recipient.id())
				.param("ioname", issuerOrg.name()).param("iptitle", issuer.title()).param("roname", recipientOrgName)
				.param("rptitle", recipient.title()).param("title", MessageFormat.format(titlePattern, String.valueOf(year)))
				.param("preamble", preamble == null || preamble.isBlank() ? null : preamble.strip()).param("now", now)
				.update(keys, "id");
		long id = keys.getKey().longValue();
		int order = 0;
		for (Item i : items) {
			insertItem(id, ++order, i.itemNo() == null ? String.valueOf(order) : i.itemNo(), i.category(), i.task(),
					i.goal(), i.deadline(), i.id() == 0 ? null : i.id());
		}
		audit.record(new AuditTrail.Change(issuerOrg.id(), "letter", id, "CREATE",
				"year=%d kind=%s to=%s/%s items=%d".formatted(year, kind, recipientOrgName, recipient.title(), items.size())));
		return Optional.of(id);
	}

	private long insertItem(long letterId, int sortOrder, String itemNo, String category, String task, String goal,
			LocalDate deadline, Long sourceItemId) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO duty_letter_item (letter_id, sort_order, item_no, category, task, goal, deadline, source_item_id)
				VALUES (:letter, :sort, :no, :category, :task, :goal, :deadline, :source)""").param("letter", letterId)
				.param("sort", sortOrder).param("no", itemNo).param("category", category).param("task", task)
				.param("goal", goal).param("deadline", deadline).param("source", sourceItemId, java.sql.Types.BIGINT)
				.update(keys, "id");
		return keys.getKey().longValue();
	}

	// ---- editing a draft ------------------------------------------------------------------------

	/** The text of a letter (title and preamble). */
	public record TextInput(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String preamble) {
	}

	/** An item of a letter as written by hand. */
	public record ItemInput(@Size(max = 32) String itemNo, @Size(max = 200) String category,
			@NotBlank @Size(max = 2000) String task, @Size(max = 4000) String goal, LocalDate deadline) {
	}

	/** The declared constraints {@code input} breaks, as input errors. */
	private List<InputError> violations(Object input) {
		return new ArrayList<>(Inputs.errors(validator.validate(input)));
	}

	/** A draft to edit: managed by the caller (403), locked, still a draft (409 with why). */
	private Head draft(long id) {
		Head h = letters.managedHead(id, true);
		h.status().require(Step.EDIT);
		return h;
	}

	public ResponsibilityLetter editText(long id, TextInput input) {
		Head h = draft(id);
		List<InputError> errors = violations(input);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String title = text(input.title());
		String pre = text(input.preamble());
		jdbc.sql("UPDATE duty_letter SET title = :title, preamble = :preamble WHERE id = :id").param("title", title)
				.param("preamble", pre).param("id", id).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter", id, "EDIT", "title=" + title));
		return letters.get(id);
	}

	private record CleanItem(String itemNo, String category, String task, String goal, LocalDate deadline) {
	}

	/** An item checked (its constraints, a deadline in the letter's year) and trimmed, or 400 with every error. */
	private CleanItem clean(ItemInput in, int year) {
		List<InputError> errors = violations(in);
		if (in.deadline() != null && in.deadline().getYear() != year) {
			errors.add(InputError.field("deadline", "error.duty.deadline-year", year));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new CleanItem(text(in.itemNo()), text(in.category()), text(in.task()), text(in.goal()), in.deadline());
	}

	/** A text as stored: trimmed, blank as null. */
	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public ResponsibilityLetter addItem(long id, ItemInput input) {
		Head h = draft(id);
		CleanItem c = clean(input, h.year());
		int order = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM duty_letter_item WHERE letter_id = :id")
				.param("id", id).query(Integer.class).single();
		long itemId = insertItem(id, order, c.itemNo() == null ? String.valueOf(order) : c.itemNo(), c.category(),
				c.task(), c.goal(), c.deadline(), null);
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter-item", itemId, "ADD",
				"letter=%d task=%s".formatted(id, c.task())));
		return letters.get(id);
	}

	public ResponsibilityLetter editItem(long id, long itemId, ItemInput input) {
		Head h = draft(id);
		Item existing = item(id, itemId);
		CleanItem c = clean(input, h.year());
		jdbc.sql("""
				UPDATE duty_letter_item SET item_no = :no, category = :category, task = :task, goal = :goal,
				  deadline = :deadline WHERE id = :id""").param("no", c.itemNo() == null ? existing.itemNo() : c.itemNo())
				.param("category", c.category()).param("task", c.task()).param("goal", c.goal())
				.param("deadline", c.deadline()).param("id", itemId).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter-item", itemId, "EDIT",
				"letter=%d task=%s".formatted(id, c.task())));
		return letters.get(id);
	}

	public ResponsibilityLetter removeItem(long id, long itemId) {
		Head h = draft(id);
		Item existing = item(id, itemId);
		jdbc.sql("DELETE FROM duty_letter_item WHERE id = :id").param("id", itemId).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter-item", itemId, "REMOVE",
				"letter=%d task=%s".formatted(id, existing.task())));
		return letters.get(id);
	}

	private Item item(long letterId, long itemId) {
		return jdbc.sql("SELECT * FROM duty_letter_item WHERE id = :id AND letter_id = :letter").param("id", itemId)
				.param("letter", letterId).query(Rows.of(Item.class)).optional()
				.orElseThrow(() -> new NotFoundException("letter-item", itemId));
	}

	// ---- issuing and signing ------------------------------------------------------------------

	/**
	 * Issues a draft: the parties' names are taken as they stand, the canonical text is fixed and
	 * hashed; from now on the letter only collects signatures.
	 */
	public ResponsibilityLetter issue(long id) {
		Head h = letters.managedHead(id, true);
		h.status().require(Step.ISSUE);
		ResponsibilityLetter draft = letters.assemble(h);
		if (draft.items().isEmpty()) {
			throw new ConflictException("items", "error.letters.no-items");
		}
		String content = LetterContent.canonical(draft);
		String hash = zeren.platform.Sha256.hex(content);
		jdbc.sql("""
				UPDATE duty_letter SET status = 'ISSUED', issued_at = :now, content = :content, content_sha256 = :hash,
				  issuer_org_name = :ioname, issuer_post_title = :iptitle, recipient_org_name = :roname,
				  recipient_post_title = :rptitle WHERE id = :id""").param("now", clock.now()).param("content", content)
				.param("hash", hash).param("ioname", draft.issuer().orgName()).param("iptitle", draft.issuer().postTitle())
				.param("roname", draft.recipient().orgName()).param("rptitle", draft.recipient().postTitle())
				.param("id", id).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter", id, "ISSUE",
				"items=%d sha256=%s".formatted(draft.items().size(), hash)));
		return letters.get(id);
	}

	/**
	 * Signs an issued letter for one side ({@code side} null: the side whose post the caller's
	 * person holds today and that has not signed yet). Only the signed-in user linked to the person
	 * who holds that side's post on the signing day may sign; the signature stores the person, the
	 * post, the time and the SHA-256 of the canonical content. When both sides have signed the
	 * letter is SIGNED and immutable.
	 */
	public ResponsibilityLetter sign(long id, Side side) {
		Head h = letters.head(id, true).orElseThrow(() -> new NotFoundException("letter", id));
		if (!letters.visible(h)) {
			throw new NotFoundException("letter", id);
		}
		h.status().require(Step.SIGN);
		String username = CurrentUser.username().orElseThrow(ForbiddenException::new);
		long personId = scope.person()
				.orElseThrow(() -> new ForbiddenException("personId", "error.letters.no-person"));
		LocalDate today = clock.today();
		List<Long> held = letters.postsHeldBy(personId, List.of(h.issuerPostId(), h.recipientPostId()), today);
		ResponsibilityLetter letter = letters.assemble(h);
		Side signing = SigningRules.sideFor(letter, held, side);
		Party party = SigningRules.signer(letter, signing, held, today);
		// what is signed is what was issued: a letter changed behind the application's back is refused
		if (!LetterContent.asIssued(letter, h.content())) {
			throw new ConflictException("content", "error.letters.content-changed");
		}
		var now = clock.now();
		jdbc.sql("""
				INSERT INTO duty_letter_signature (letter_id, party, person_id, post_id, username, signed_on, signed_at,
				  content_sha256) VALUES (:letter, :party, :person, :post, :username, :day, :now, :hash)""")
				.param("letter", id).param("party", signing.name()).param("person", personId)
				.param("post", party.postId()).param("username", username).param("day", today).param("now", now)
				.param("hash", h.contentSha256()).update();
		boolean both = SigningRules.completes(letter, signing);
		if (both) {
			jdbc.sql("UPDATE duty_letter SET status = 'SIGNED', signed_at = :now WHERE id = :id").param("now", now)
					.param("id", id).update();
		}
		if (both) {
			events.publishEvent(new zeren.oversight.ObligationsAffected(h.issuerOrgId(), h.year()));
		}
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter", id, "SIGN",
				"party=%s person=%d post=%d sha256=%s%s".formatted(signing, personId, party.postId(),
						h.contentSha256(), both ? " status=SIGNED" : "")));
		return letters.get(id);
	}
}
