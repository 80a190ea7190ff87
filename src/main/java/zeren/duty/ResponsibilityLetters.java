package zeren.duty;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.audit.AuditTrail;
import zeren.duty.ResponsibilityLetter.Item;
import zeren.duty.ResponsibilityLetter.Kind;
import zeren.duty.ResponsibilityLetter.Party;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Signature;
import zeren.duty.ResponsibilityLetter.Status;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;
import zeren.platform.Sha256;

/**
 * Responsibility letters (责任书): generated for a year from the issuing organisation's list,
 * edited while a draft, issued (content fixed and hashed), signed by each party in the
 * application, then immutable.
 *
 * <ul>
 * <li><b>Who sees a letter:</b> callers whose scope holds the issuing or the receiving
 * organisation, and the people who hold one of its two posts today (a party sees its letter).
 * Reads outside answer 404; changes 403.
 * <li><b>Who changes it:</b> managers of the issuing organisation, while it is a draft.
 * <li><b>Who signs:</b> only the signed-in user whose linked person holds that side's post on the
 * signing day (tenures), whatever their grants.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityLetters {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final Users users;
	private final String titlePattern;
	private final String preamble;

	ResponsibilityLetters(JdbcClient jdbc, OrgTree tree, BusinessClock clock, CurrentScope scope, AuditTrail audit,
			Users users, @Value("${zeren.letters.title:}") String titlePattern,
			@Value("${zeren.letters.preamble:}") String preamble) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.users = users;
		this.titlePattern = titlePattern == null || titlePattern.isBlank() ? "{0}年度全面从严治党主体责任书" : titlePattern;
		this.preamble = preamble;
	}

	// ---- reading ------------------------------------------------------------------------------

	/** A letter's row with what decides who may see it. */
	private record Head(long id, long issuerOrgId, int year, Kind kind, long recipientOrgId, long issuerPostId,
			long recipientPostId, String issuerOrgName, String issuerPostTitle, String recipientOrgName,
			String recipientPostTitle, String title, String preamble, Status status, String content,
			String contentSha256, OffsetDateTime createdAt, OffsetDateTime issuedAt, OffsetDateTime signedAt,
			String issuerPath, String recipientPath) {
	}

	/** Party names are read live from the organisation and post while a draft, as stored once issued. */
	private static final String HEAD_SELECT = """
			SELECT l.id, l.issuer_org_id, l.duty_year, l.kind, l.recipient_org_id, l.issuer_post_id, l.recipient_post_id,
			       CASE WHEN l.status = 'DRAFT' THEN io.name ELSE l.issuer_org_name END AS issuer_org_name,
			       CASE WHEN l.status = 'DRAFT' THEN ip.title ELSE l.issuer_post_title END AS issuer_post_title,
			       CASE WHEN l.status = 'DRAFT' THEN ro.name ELSE l.recipient_org_name END AS recipient_org_name,
			       CASE WHEN l.status = 'DRAFT' THEN rp.title ELSE l.recipient_post_title END AS recipient_post_title,
			       l.title, l.preamble, l.status, l.content, l.content_sha256, l.created_at, l.issued_at, l.signed_at,
			       io.path AS issuer_path, ro.path AS recipient_path
			FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id JOIN org ro ON ro.id = l.recipient_org_id
			JOIN post ip ON ip.id = l.issuer_post_id JOIN post rp ON rp.id = l.recipient_post_id
			""";

	private static final RowMapper<Head> HEAD = (rs, n) -> new Head(rs.getLong("id"), rs.getLong("issuer_org_id"),
			rs.getInt("duty_year"), Kind.valueOf(rs.getString("kind")), rs.getLong("recipient_org_id"),
			rs.getLong("issuer_post_id"), rs.getLong("recipient_post_id"), rs.getString("issuer_org_name"),
			rs.getString("issuer_post_title"), rs.getString("recipient_org_name"), rs.getString("recipient_post_title"),
			rs.getString("title"), rs.getString("preamble"), Status.valueOf(rs.getString("status")),
			rs.getString("content"), rs.getString("content_sha256"), rs.getObject("created_at", OffsetDateTime.class),
			rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("signed_at", OffsetDateTime.class),
			rs.getString("issuer_path"), rs.getString("recipient_path"));

	private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"), rs.getString("item_no"),
			rs.getString("category"), rs.getString("task"), rs.getString("goal"),
			rs.getObject("deadline", LocalDate.class));

	private Optional<Head> head(long id, boolean lock) {
		if (lock) {
			// one change of a letter at a time (two signatures at once, an edit during the issue)
			jdbc.sql("SELECT id FROM duty_letter WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		}
		return jdbc.sql(HEAD_SELECT + " WHERE l.id = :id").param("id", id).query(HEAD).optional();
	}

	/** The people holding each post on a date (both posts of a letter at once). */
	private List<Long> postsHeldBy(long personId, List<Long> postIds, LocalDate date) {
		return jdbc.sql("""
				SELECT DISTINCT t.post_id FROM tenure t
				WHERE t.person_id = :person AND t.post_id IN (:posts) AND t.start_date <= :day
				  AND (t.end_date IS NULL OR t.end_date >= :day)
				""").param("person", personId).param("posts", postIds).param("day", date).query(Long.class).list();
	}

	/** The person linked to the signed-in user, if any. */
	private Optional<Long> currentPerson() {
		return users.current().map(UserAccount::personId);
	}

	private boolean visible(Head h) {
		Scope reading = scope.reading();
		if (reading.contains(h.issuerPath()) || reading.contains(h.recipientPath())) {
			return true;
		}
		return currentPerson().map(p -> !postsHeldBy(p, List.of(h.issuerPostId(), h.recipientPostId()), clock.today())
				.isEmpty()).orElse(false);
	}

	private Head visibleHead(long id) {
		return head(id, false).filter(this::visible).orElseThrow(() -> new NotFoundException("letter", id));
	}

	/** A letter to change: 404 when there is none or it is out of view, 403 when the caller does not manage the issuer. */
	private Head managedHead(long id) {
		Head h = head(id, true).orElseThrow(() -> new NotFoundException("letter", id));
		if (!scope.managing().contains(h.issuerPath())) {
			throw visible(h) ? new ForbiddenException() : new NotFoundException("letter", id);
		}
		return h;
	}

	/** 404 when the letter does not exist or is out of view, 403 when the caller does not manage its issuing organisation. */
	public void requireManaged(long id) {
		Head h = head(id, false).orElseThrow(() -> new NotFoundException("letter", id));
		if (!scope.managing().contains(h.issuerPath())) {
			throw visible(h) ? new ForbiddenException() : new NotFoundException("letter", id);
		}
	}

	/** A letter the caller may see, with its items and signatures. */
	public ResponsibilityLetter get(long id) {
		return assemble(visibleHead(id));
	}

	/** Whether the caller may change the letter (manages the issuing organisation). */
	public boolean canManage(ResponsibilityLetter letter) {
		return tree.canManage(letter.issuer().orgId());
	}

	private ResponsibilityLetter assemble(Head h) {
		List<Item> items = jdbc.sql("SELECT * FROM duty_letter_item WHERE letter_id = :id ORDER BY sort_order, id")
				.param("id", h.id()).query(ITEM).list();
		List<Signature> signatures = jdbc.sql("""
				SELECT s.party, s.person_id, pe.name, s.post_id, s.username, s.signed_on, s.signed_at, s.content_sha256
				FROM duty_letter_signature s JOIN person pe ON pe.id = s.person_id
				WHERE s.letter_id = :id ORDER BY CASE WHEN s.party = 'ISSUER' THEN 0 ELSE 1 END
				""").param("id", h.id())
				.query((rs, n) -> new Signature(Side.valueOf(rs.getString("party")), rs.getLong("person_id"),
						rs.getString("name"), rs.getLong("post_id"), rs.getString("username"),
						rs.getObject("signed_on", LocalDate.class), rs.getObject("signed_at", OffsetDateTime.class),
						rs.getString("content_sha256")))
				.list();
		return new ResponsibilityLetter(h.id(), h.year(), h.kind(),
				new Party(h.issuerOrgId(), h.issuerOrgName(), h.issuerPostId(), h.issuerPostTitle()),
				new Party(h.recipientOrgId(), h.recipientOrgName(), h.recipientPostId(), h.recipientPostTitle()),
				h.title(), h.preamble(), h.status(), h.contentSha256(), h.createdAt(), h.issuedAt(), h.signedAt(), items,
				signatures);
	}

	/** The letters an organisation issues for a year: to its lower organisations, then to its team. */
	public List<ResponsibilityLetter> issuedBy(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql(HEAD_SELECT + " WHERE l.issuer_org_id = :org AND l.duty_year = :year"
				+ " ORDER BY CASE WHEN l.kind = 'ORG' THEN 0 ELSE 1 END, ro.sort_order, ro.name, rp.sort_order, l.id")
				.param("org", orgId).param("year", year).query(HEAD).list().stream().map(this::assemble).toList();
	}

	/** The letters of a year waiting for this person's signature today (issued, their side unsigned). */
	public List<ResponsibilityLetter> awaitingSignatureOf(long personId, int year) {
		LocalDate today = clock.today();
		return jdbc.sql(HEAD_SELECT + """
				 WHERE l.duty_year = :year AND l.status = 'ISSUED' AND EXISTS (
				   SELECT 1 FROM tenure t WHERE t.person_id = :person AND t.start_date <= :day
				     AND (t.end_date IS NULL OR t.end_date >= :day)
				     AND ((t.post_id = l.issuer_post_id AND NOT EXISTS (SELECT 1 FROM duty_letter_signature s
				           WHERE s.letter_id = l.id AND s.party = 'ISSUER'))
				       OR (t.post_id = l.recipient_post_id AND NOT EXISTS (SELECT 1 FROM duty_letter_signature s
				           WHERE s.letter_id = l.id AND s.party = 'RECIPIENT'))))
				 ORDER BY l.id""").param("year", year).param("person", personId).param("day", today).query(HEAD).list()
				.stream().map(this::assemble).toList();
	}

	// ---- generating and editing -----------------------------------------------------------------

	/** What a generation did: the letters created and the lower organisations without a 书记 post. */
	public record Generated(List<Long> created, List<String> skipped) {
	}

	private record PostRow(long id, long orgId, String title) {
	}

	private Optional<PostRow> secretaryPost(long orgId) {
		return jdbc.sql("""
				SELECT id, org_id, title FROM post WHERE org_id = :org AND kind = 'SECRETARY' AND active
				ORDER BY sort_order, id""").param("org", orgId)
				.query((rs, n) -> new PostRow(rs.getLong("id"), rs.getLong("org_id"), rs.getString("title"))).list()
				.stream().findFirst();
	}

	/**
	 * Creates, in one go, the year's letters of an organisation that it does not have yet: one to
	 * each active directly lower organisation (to its 书记 post), with the requirements the
	 * organisation published for the year ("1+X"), or its list's items when it published none;
	 * and one to each other post of its leadership team (not liaisons), with the list's items
	 * whose responsible leader is that post. The issuing party is the organisation's 书记 post.
	 */
	@Transactional
	public Generated generate(Long orgId, Integer year) {
		if (orgId == null) {
			throw InvalidInputException.of("orgId", "error.field.required");
		}
		if (!tree.canManage(orgId)) {
			tree.get(orgId);
			throw new ForbiddenException();
		}
		ResponsibilityLists.checkYear(year, "year");
		Org org = tree.get(orgId);
		PostRow issuer = secretaryPost(orgId)
				.orElseThrow(() -> new ConflictException("orgId", "error.letters.no-secretary", org.name()));
		List<Long> created = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<Item> orgItems = itemsForLowerOrganisations(orgId, year);
		record Child(long id, String name) {
		}
		List<Child> children = jdbc.sql("SELECT id, name FROM org WHERE parent_id = :org AND active ORDER BY sort_order, name, id")
				.param("org", orgId).query((rs, n) -> new Child(rs.getLong("id"), rs.getString("name"))).list();
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
				ORDER BY sort_order, id""").param("org", orgId)
				.query((rs, n) -> new PostRow(rs.getLong("id"), rs.getLong("org_id"), rs.getString("title"))).list();
		for (PostRow member : team) {
			insert(org, year, Kind.TEAM, orgId, issuer, member, itemsLedBy(orgId, year, member.id()))
					.ifPresent(created::add);
		}
		return new Generated(created, skipped);
	}

	private List<Item> itemsForLowerOrganisations(long orgId, int year) {
		List<Item> requirements = jdbc.sql("""
				SELECT id, item_no, category, task, goal, deadline FROM duty_requirement
				WHERE org_id = :org AND duty_year = :year ORDER BY sort_order, id""").param("org", orgId)
				.param("year", year).query(ITEM).list();
		if (!requirements.isEmpty()) {
			// not list items: no source
			return requirements.stream().map(r -> new Item(0, r.itemNo(), r.category(), r.task(), r.goal(), r.deadline()))
					.toList();
		}
		return listItems(orgId, year, null);
	}

	private List<Item> itemsLedBy(long orgId, int year, long postId) {
		return listItems(orgId, year, postId);
	}

	private List<Item> listItems(long orgId, int year, Long leaderPostId) {
		return jdbc.sql("""
				SELECT i.id, i.item_no, i.category, i.task, i.goal, i.deadline
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id
				WHERE l.org_id = :org AND l.duty_year = :year %s
				ORDER BY CASE WHEN i.requirement_id IS NULL THEN 1 ELSE 0 END, i.sort_order, i.id""".formatted(
				leaderPostId == null ? "" : "AND i.leader_post_id = :leader")).param("org", orgId).param("year", year)
				.params(leaderPostId == null ? java.util.Map.of() : java.util.Map.of("leader", leaderPostId))
				.query(ITEM).list();
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

	/** The text of a letter (title and preamble). */
	public record TextInput(String title, String preamble) {
	}

	/** An item of a letter as written by hand. */
	public record ItemInput(String itemNo, String category, String task, String goal, LocalDate deadline) {
	}

	/** Refuses any change to an issued or signed letter (409, with why). */
	private static void requireDraft(Head h) {
		if (h.status() == Status.SIGNED) {
			throw new ConflictException("status", "error.letters.signed");
		}
		if (h.status() == Status.ISSUED) {
			throw new ConflictException("status", "error.letters.issued");
		}
	}

	@Transactional
	public ResponsibilityLetter editText(long id, TextInput input) {
		Head h = managedHead(id);
		requireDraft(h);
		List<InputError> errors = new ArrayList<>();
		String title = text(input.title(), "title", 200, true, errors);
		String pre = text(input.preamble(), "preamble", 4000, false, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("UPDATE duty_letter SET title = :title, preamble = :preamble WHERE id = :id").param("title", title)
				.param("preamble", pre).param("id", id).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter", id, "EDIT", "title=" + title));
		return get(id);
	}

	private record CleanItem(String itemNo, String category, String task, String goal, LocalDate deadline) {
	}

	private static CleanItem clean(ItemInput in, int year) {
		List<InputError> errors = new ArrayList<>();
		CleanItem c = new CleanItem(text(in.itemNo(), "itemNo", 32, false, errors),
				text(in.category(), "category", 200, false, errors), text(in.task(), "task", 2000, true, errors),
				text(in.goal(), "goal", 4000, false, errors), in.deadline());
		if (in.deadline() != null && in.deadline().getYear() != year) {
			errors.add(InputError.field("deadline", "error.duty.deadline-year", year));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return c;
	}

	@Transactional
	public ResponsibilityLetter addItem(long id, ItemInput input) {
		Head h = managedHead(id);
		requireDraft(h);
		CleanItem c = clean(input, h.year());
		int order = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM duty_letter_item WHERE letter_id = :id")
				.param("id", id).query(Integer.class).single();
		long itemId = insertItem(id, order, c.itemNo() == null ? String.valueOf(order) : c.itemNo(), c.category(),
				c.task(), c.goal(), c.deadline(), null);
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter-item", itemId, "ADD",
				"letter=%d task=%s".formatted(id, c.task())));
		return get(id);
	}

	@Transactional
	public ResponsibilityLetter editItem(long id, long itemId, ItemInput input) {
		Head h = managedHead(id);
		requireDraft(h);
		Item existing = item(id, itemId);
		CleanItem c = clean(input, h.year());
		jdbc.sql("""
				UPDATE duty_letter_item SET item_no = :no, category = :category, task = :task, goal = :goal,
				  deadline = :deadline WHERE id = :id""").param("no", c.itemNo() == null ? existing.itemNo() : c.itemNo())
				.param("category", c.category()).param("task", c.task()).param("goal", c.goal())
				.param("deadline", c.deadline()).param("id", itemId).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter-item", itemId, "EDIT",
				"letter=%d task=%s".formatted(id, c.task())));
		return get(id);
	}

	@Transactional
	public ResponsibilityLetter removeItem(long id, long itemId) {
		Head h = managedHead(id);
		requireDraft(h);
		Item existing = item(id, itemId);
		jdbc.sql("DELETE FROM duty_letter_item WHERE id = :id").param("id", itemId).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter-item", itemId, "REMOVE",
				"letter=%d task=%s".formatted(id, existing.task())));
		return get(id);
	}

	private Item item(long letterId, long itemId) {
		return jdbc.sql("SELECT * FROM duty_letter_item WHERE id = :id AND letter_id = :letter").param("id", itemId)
				.param("letter", letterId).query(ITEM).optional()
				.orElseThrow(() -> new NotFoundException("letter-item", itemId));
	}

	private static String text(String value, String field, int max, boolean required, List<InputError> errors) {
		String t = value == null ? "" : value.strip();
		if (t.isEmpty()) {
			if (required) {
				errors.add(InputError.field(field, "error.field.required"));
			}
			return null;
		}
		if (t.length() > max) {
			errors.add(InputError.field(field, "error.field.too-long", max));
		}
		return t;
	}

	// ---- issuing and signing ------------------------------------------------------------------

	/**
	 * Issues a draft: the parties' names are taken as they stand, the canonical text is fixed and
	 * hashed; from now on the letter only collects signatures.
	 */
	@Transactional
	public ResponsibilityLetter issue(long id) {
		Head h = managedHead(id);
		requireDraft(h);
		ResponsibilityLetter draft = assemble(h);
		if (draft.items().isEmpty()) {
			throw new ConflictException("items", "error.letters.no-items");
		}
		String content = LetterContent.canonical(draft);
		String hash = Sha256.hex(content);
		jdbc.sql("""
				UPDATE duty_letter SET status = 'ISSUED', issued_at = :now, content = :content, content_sha256 = :hash,
				  issuer_org_name = :ioname, issuer_post_title = :iptitle, recipient_org_name = :roname,
				  recipient_post_title = :rptitle WHERE id = :id""").param("now", clock.now()).param("content", content)
				.param("hash", hash).param("ioname", draft.issuer().orgName()).param("iptitle", draft.issuer().postTitle())
				.param("roname", draft.recipient().orgName()).param("rptitle", draft.recipient().postTitle())
				.param("id", id).update();
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter", id, "ISSUE",
				"items=%d sha256=%s".formatted(draft.items().size(), hash)));
		return get(id);
	}

	/**
	 * Signs an issued letter for one side ({@code side} null: the side whose post the caller's
	 * person holds today and that has not signed yet). Only the signed-in user linked to the person
	 * who holds that side's post on the signing day may sign; the signature stores the person, the
	 * post, the time and the SHA-256 of the canonical content. When both sides have signed the
	 * letter is SIGNED and immutable.
	 */
	@Transactional
	public ResponsibilityLetter sign(long id, Side side) {
		Head h = head(id, true).orElseThrow(() -> new NotFoundException("letter", id));
		if (!visible(h)) {
			throw new NotFoundException("letter", id);
		}
		if (h.status() == Status.SIGNED) {
			throw new ConflictException("status", "error.letters.signed");
		}
		if (h.status() == Status.DRAFT) {
			throw new ConflictException("status", "error.letters.not-issued");
		}
		UserAccount user = users.current().orElseThrow(ForbiddenException::new);
		if (user.personId() == null) {
			throw new ForbiddenException("personId", "error.letters.no-person");
		}
		LocalDate today = clock.today();
		List<Long> held = postsHeldBy(user.personId(), List.of(h.issuerPostId(), h.recipientPostId()), today);
		ResponsibilityLetter letter = assemble(h);
		if (side == null) {
			side = held.contains(h.issuerPostId()) && !letter.signedBy(Side.ISSUER) ? Side.ISSUER
					: held.contains(h.recipientPostId()) && !letter.signedBy(Side.RECIPIENT) ? Side.RECIPIENT
					: held.contains(h.issuerPostId()) ? Side.ISSUER : Side.RECIPIENT;
		}
		Party party = letter.party(side);
		if (!held.contains(party.postId())) {
			throw new ForbiddenException("party", "error.letters.not-holder", party.orgName() + party.postTitle(),
					today.toString());
		}
		if (letter.signedBy(side)) {
			throw new ConflictException("party", "error.letters.already-signed");
		}
		// what is signed is what was issued: a letter changed behind the application's back is refused
		String content = LetterContent.canonical(letter);
		if (!content.equals(h.content()) || !Sha256.hex(content).equals(h.contentSha256())) {
			throw new ConflictException("content", "error.letters.content-changed");
		}
		var now = clock.now();
		jdbc.sql("""
				INSERT INTO duty_letter_signature (letter_id, party, person_id, post_id, username, signed_on, signed_at,
				  content_sha256) VALUES (:letter, :party, :person, :post, :username, :day, :now, :hash)""")
				.param("letter", id).param("party", side.name()).param("person", user.personId())
				.param("post", party.postId()).param("username", user.username()).param("day", today).param("now", now)
				.param("hash", h.contentSha256()).update();
		boolean both = letter.signedBy(side == Side.ISSUER ? Side.RECIPIENT : Side.ISSUER);
		if (both) {
			jdbc.sql("UPDATE duty_letter SET status = 'SIGNED', signed_at = :now WHERE id = :id").param("now", now)
					.param("id", id).update();
		}
		audit.record(new AuditTrail.Change(h.issuerOrgId(), "letter", id, "SIGN",
				"party=%s person=%d post=%d sha256=%s%s".formatted(side, user.personId(), party.postId(),
						h.contentSha256(), both ? " status=SIGNED" : "")));
		return get(id);
	}

	/** The sides of an issued letter the signed-in user could sign today (their person holds the post, unsigned). */
	public List<Side> signableByCaller(ResponsibilityLetter letter) {
		Optional<Long> person = currentPerson();
		if (letter.status() != Status.ISSUED || person.isEmpty()) {
			return List.of();
		}
		List<Long> held = postsHeldBy(person.get(), List.of(letter.issuer().postId(), letter.recipient().postId()),
				clock.today());
		List<Side> sides = new ArrayList<>();
		for (Side side : Side.values()) {
			if (held.contains(letter.party(side).postId()) && !letter.signedBy(side)) {
				sides.add(side);
			}
		}
		return sides;
	}

	/** The check of one signature: whether its hash is the hash of the letter's content as it stands. */
	public record SignatureCheck(Side party, String signedSha256, boolean valid) {
	}

	/**
	 * The verification of a letter: the canonical text built again from the stored letter, its
	 * SHA-256, and whether it equals the text fixed at issue and each signature's hash.
	 */
	public record Verification(long letterId, Status status, String contentSha256, String recomputedSha256,
			boolean contentIntact, List<SignatureCheck> signatures, boolean valid) {
	}

	public Verification verify(long id) {
		Head h = visibleHead(id);
		ResponsibilityLetter letter = assemble(h);
		String recomputed = Sha256.hex(LetterContent.canonical(letter));
		if (h.status() == Status.DRAFT) {
			return new Verification(id, h.status(), null, recomputed, true, List.of(), false);
		}
		boolean intact = recomputed.equals(h.contentSha256()) && h.content() != null
				&& Sha256.hex(h.content()).equals(h.contentSha256());
		List<SignatureCheck> checks = letter.signatures().stream()
				.map(s -> new SignatureCheck(s.party(), s.contentSha256(), s.contentSha256().equals(recomputed))).toList();
		boolean valid = intact && checks.stream().allMatch(SignatureCheck::valid);
		return new Verification(id, h.status(), h.contentSha256(), recomputed, intact, checks, valid);
	}

	/** The canonical text of an issued letter, as fixed at issue (what the signatures are over). */
	public String content(long id) {
		Head h = visibleHead(id);
		return h.content() != null ? h.content() : LetterContent.canonical(assemble(h));
	}

	// ---- overview -----------------------------------------------------------------------------

	/** A letter not yet signed by both sides. */
	public record Pending(long letterId, Kind kind, Status status, long issuerOrgId, String issuerOrgName,
			String issuerPostTitle, long recipientOrgId, String recipientOrgName, String recipientPostTitle,
			boolean issuerSigned, boolean recipientSigned) {
	}

	/**
	 * Who has and has not signed, for the letters of a year issued anywhere in an organisation's
	 * subtree (within the caller's scope): counts by status and the unsigned letters (at most
	 * {@link #MAX_PENDING}; {@code unsignedCount} tells how many there are).
	 */
	public record Overview(long orgId, int year, long letters, long draft, long issued, long signed,
			long unsignedCount, List<Pending> unsigned) {
	}

	public static final int MAX_PENDING = 500;

	public Overview overview(long orgId, int year) {
		tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		String where = " WHERE l.duty_year = :year AND l.issuer_org_id IN (" + Subtree.ORG_IDS + ") AND "
				+ reading.condition("io");
		long[] counts = new long[3];
		reading.bind(subtree.bind(jdbc.sql("SELECT l.status, COUNT(*) AS n FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id"
				+ where + " GROUP BY l.status"))).param("year", year).query((rs, n) -> {
					counts[Status.valueOf(rs.getString("status")).ordinal()] = rs.getLong("n");
					return null;
				}).list();
		List<Pending> unsigned = reading.bind(subtree.bind(jdbc.sql("""
				SELECT l.id, l.kind, l.status, l.issuer_org_id, io.name AS issuer_org_name, ip.title AS issuer_post_title,
				       l.recipient_org_id, ro.name AS recipient_org_name, rp.title AS recipient_post_title,
				       (SELECT COUNT(*) FROM duty_letter_signature s WHERE s.letter_id = l.id AND s.party = 'ISSUER') AS i_signed,
				       (SELECT COUNT(*) FROM duty_letter_signature s WHERE s.letter_id = l.id AND s.party = 'RECIPIENT') AS r_signed
				FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id JOIN org ro ON ro.id = l.recipient_org_id
				JOIN post ip ON ip.id = l.issuer_post_id JOIN post rp ON rp.id = l.recipient_post_id""" + where
				+ " AND l.status <> 'SIGNED' ORDER BY io.path, l.kind, ro.name, rp.sort_order, l.id LIMIT " + MAX_PENDING)))
				.param("year", year)
				.query((rs, n) -> new Pending(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
						Status.valueOf(rs.getString("status")), rs.getLong("issuer_org_id"),
						rs.getString("issuer_org_name"), rs.getString("issuer_post_title"), rs.getLong("recipient_org_id"),
						rs.getString("recipient_org_name"), rs.getString("recipient_post_title"), rs.getLong("i_signed") > 0,
						rs.getLong("r_signed") > 0))
				.list();
		long total = counts[0] + counts[1] + counts[2];
		return new Overview(orgId, year, total, counts[0], counts[1], counts[2], counts[0] + counts[1], unsigned);
	}
}
