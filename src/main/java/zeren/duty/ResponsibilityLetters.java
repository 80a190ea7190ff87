package zeren.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.duty.ResponsibilityLetter.Item;
import zeren.duty.ResponsibilityLetter.Kind;
import zeren.duty.ResponsibilityLetter.Party;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Signature;
import zeren.duty.ResponsibilityLetter.Status;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.NotFoundException;
import zeren.platform.Paged;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * Reading responsibility letters (责任书): a letter with its items and signatures, the letters an
 * organisation issues, those waiting for a person's signature, their verification and the
 * overview of who has signed. Changes are {@link LetterManagement}'s.
 *
 * <ul>
 * <li><b>Who sees a letter:</b> callers whose scope holds the issuing or the receiving
 * organisation, and the people who hold one of its two posts today (a party sees its letter).
 * Reads outside answer 404; changes 403.
 * <li><b>Who changes it:</b> managers of the issuing organisation, while it is a draft.
 * <li><b>Who signs:</b> {@link SigningRules}.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityLetters {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final BusinessClock clock;
	private final CurrentScope scope;

	ResponsibilityLetters(JdbcClient jdbc, OrgTree tree, BusinessClock clock, CurrentScope scope) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.clock = clock;
		this.scope = scope;
	}

	// ---- one letter -------------------------------------------------------------------------------

	/** A letter's row with what decides who may see it. */
	record Head(long id, long issuerOrgId, int year, Kind kind, long recipientOrgId, long issuerPostId,
			long recipientPostId, String issuerOrgName, String issuerPostTitle, String recipientOrgName,
			String recipientPostTitle, String title, String preamble, Status status, String content,
			String contentSha256, OffsetDateTime createdAt, OffsetDateTime issuedAt, OffsetDateTime signedAt,
			String issuerPath, String recipientPath) {
	}

	/**
	 * Party names are read live from the organisation and post while a draft, as stored once
	 * issued. ("year" is a reserved word in H2: the alias is quoted.)
	 */
	private static final String HEAD_SELECT = """
			SELECT l.id, l.issuer_org_id, l.duty_year AS "year", l.kind, l.recipient_org_id, l.issuer_post_id,
			       l.recipient_post_id,
			       CASE WHEN l.status = 'DRAFT' THEN io.name ELSE l.issuer_org_name END AS issuer_org_name,
			       CASE WHEN l.status = 'DRAFT' THEN ip.title ELSE l.issuer_post_title END AS issuer_post_title,
			       CASE WHEN l.status = 'DRAFT' THEN ro.name ELSE l.recipient_org_name END AS recipient_org_name,
			       CASE WHEN l.status = 'DRAFT' THEN rp.title ELSE l.recipient_post_title END AS recipient_post_title,
			       l.title, l.preamble, l.status, l.content, l.content_sha256, l.created_at, l.issued_at, l.signed_at,
			       io.path AS issuer_path, ro.path AS recipient_path
			FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id JOIN org ro ON ro.id = l.recipient_org_id
			JOIN post ip ON ip.id = l.issuer_post_id JOIN post rp ON rp.id = l.recipient_post_id
			""";

	/** A letter's row; with {@code lock}, locked first: one change of a letter at a time. */
	Optional<Head> head(long id, boolean lock) {
		if (lock) {
			// two signatures at once, an edit during the issue
			jdbc.sql("SELECT id FROM duty_letter WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		}
		return jdbc.sql(HEAD_SELECT + " WHERE l.id = :id").param("id", id).query(Rows.of(Head.class)).optional();
	}

	/** Which of {@code postIds} the person holds on a date (both posts of a letter at once). */
	List<Long> postsHeldBy(long personId, List<Long> postIds, LocalDate date) {
		return jdbc.sql("""
				SELECT DISTINCT t.post_id FROM tenure t
				WHERE t.person_id = :person AND t.post_id IN (:posts) AND t.start_date <= :day
				  AND (t.end_date IS NULL OR t.end_date >= :day)
				""").param("person", personId).param("posts", postIds).param("day", date).query(Long.class).list();
	}

	/** Whether the caller sees the letter: one of its organisations is in their scope, or they hold one of its posts. */
	boolean visible(Head h) {
		Scope reading = scope.reading();
		if (reading.contains(h.issuerPath()) || reading.contains(h.recipientPath())) {
			return true;
		}
		return scope.person().map(p -> !postsHeldBy(p, List.of(h.issuerPostId(), h.recipientPostId()), clock.today())
				.isEmpty()).orElse(false);
	}

	private Head visibleHead(long id) {
		return head(id, false).filter(this::visible).orElseThrow(() -> new NotFoundException("letter", id));
	}

	/**
	 * A letter to change (locked with {@code lock}): 404 when there is none or it is out of view,
	 * 403 when the caller sees it but does not manage the issuer.
	 */
	Head managedHead(long id, boolean lock) {
		Head h = head(id, lock).orElseThrow(() -> new NotFoundException("letter", id));
		if (!scope.managing().contains(h.issuerPath())) {
			throw visible(h) ? new ForbiddenException() : new NotFoundException("letter", id);
		}
		return h;
	}

	/** 404 when the letter does not exist, 403 when the caller does not manage its issuing organisation. */
	public void requireManaged(long id) {
		managedHead(id, false);
	}

	/** A letter the caller may see, with its items and signatures. */
	public ResponsibilityLetter get(long id) {
		return assemble(visibleHead(id));
	}

	/** Whether the caller may change the letter (manages the issuing organisation). */
	public boolean canManage(ResponsibilityLetter letter) {
		return tree.canManage(letter.issuer().orgId());
	}

	/** The letter of a row, with its items and signatures. */
	ResponsibilityLetter assemble(Head h) {
		List<Item> items = jdbc.sql("SELECT * FROM duty_letter_item WHERE letter_id = :id ORDER BY sort_order, id")
				.param("id", h.id()).query(Rows.of(Item.class)).list();
		List<Signature> signatures = jdbc.sql("""
				SELECT s.party, s.person_id, pe.name AS person_name, s.post_id, s.username, s.signed_on, s.signed_at,
				       s.content_sha256
				FROM duty_letter_signature s JOIN person pe ON pe.id = s.person_id
				WHERE s.letter_id = :id ORDER BY CASE WHEN s.party = 'ISSUER' THEN 0 ELSE 1 END
				""").param("id", h.id()).query(Rows.of(Signature.class)).list();
		return new ResponsibilityLetter(h.id(), h.year(), h.kind(),
				new Party(h.issuerOrgId(), h.issuerOrgName(), h.issuerPostId(), h.issuerPostTitle()),
				new Party(h.recipientOrgId(), h.recipientOrgName(), h.recipientPostId(), h.recipientPostTitle()),
				h.title(), h.preamble(), h.status(), h.contentSha256(), h.createdAt(), h.issuedAt(), h.signedAt(), items,
				signatures);
	}

	/** A signature of a person on a letter: the side, the post signed as, the day, where the letter stands. */
	public record SignedLetter(long letterId, int year, Kind kind, String title, Side party, long postId,
			String postTitle, String orgName, String otherOrgName, String otherPostTitle, LocalDate signedOn,
			Status status) {
	}

	/**
	 * The letters a person signed, for either side, in whichever post, latest first: those of which
	 * the caller sees an organisation (e.g. the letters of a person's integrity file).
	 */
	public List<SignedLetter> signedBy(long personId) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("""
				SELECT l.id AS letter_id, l.duty_year AS "year", l.kind, l.title, s.party, s.post_id,
				       CASE WHEN s.party = 'ISSUER' THEN l.issuer_post_title ELSE l.recipient_post_title END AS post_title,
				       CASE WHEN s.party = 'ISSUER' THEN l.issuer_org_name ELSE l.recipient_org_name END AS org_name,
				       CASE WHEN s.party = 'ISSUER' THEN l.recipient_org_name ELSE l.issuer_org_name END AS other_org_name,
				       CASE WHEN s.party = 'ISSUER' THEN l.recipient_post_title ELSE l.issuer_post_title END AS other_post_title,
				       s.signed_on, l.status
				FROM duty_letter_signature s JOIN duty_letter l ON l.id = s.letter_id
				JOIN org io ON io.id = l.issuer_org_id JOIN org ro ON ro.id = l.recipient_org_id
				WHERE s.person_id = :person AND (%s OR %s)
				ORDER BY s.signed_on DESC, l.id DESC
				""".formatted(reading.condition("io"), reading.condition("ro")))).param("person", personId)
				.query(Rows.of(SignedLetter.class)).list();
	}

	/** The sides of an issued letter the signed-in user could sign today (their person holds the post, unsigned). */
	public List<Side> signableByCaller(ResponsibilityLetter letter) {
		Optional<Long> person = scope.person();
		if (person.isEmpty() || !letter.status().allows(ResponsibilityLetter.Step.SIGN)) {
			return List.of();
		}
		return SigningRules.signable(letter, postsHeldBy(person.get(),
				List.of(letter.issuer().postId(), letter.recipient().postId()), clock.today()));
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
		return LetterContent.verify(assemble(h), h.content());
	}

	/** The canonical text of an issued letter, as fixed at issue (what the signatures are over). */
	public String content(long id) {
		Head h = visibleHead(id);
		return h.content() != null ? h.content() : LetterContent.canonical(assemble(h));
	}

	// ---- lists of letters -------------------------------------------------------------------------

	/** The letters an organisation issues for a year: to its lower organisations, then to its team. */
	public List<ResponsibilityLetter> issuedBy(long orgId, int year) {
		tree.get(orgId);
		return jdbc.sql(HEAD_SELECT + " WHERE l.issuer_org_id = :org AND l.duty_year = :year"
				+ " ORDER BY CASE WHEN l.kind = 'ORG' THEN 0 ELSE 1 END, ro.sort_order, ro.name, rp.sort_order, l.id")
				.param("org", orgId).param("year", year).query(Rows.of(Head.class)).list().stream().map(this::assemble).toList();
	}

	/** The orders the letters of an organisation can be listed in (the page's 排序 choices). */
	public enum LetterSort {
		/** To lower organisations first, then to the team, by recipient (the order of {@link #issuedBy}). */
		RECIPIENT("CASE WHEN l.kind = 'ORG' THEN 0 ELSE 1 END, ro.sort_order, ro.name, rp.sort_order, l.id"),
		/** Drafts first, then issued, then signed. */
		STATUS("CASE l.status WHEN 'DRAFT' THEN 0 WHEN 'ISSUED' THEN 1 ELSE 2 END, ro.sort_order, ro.name, l.id"),
		/** Latest created first. */
		RECENT("l.id DESC");

		private final String orderBy;

		LetterSort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The sort named on a page, the recipient order when none or unknown. */
		public static LetterSort of(String name) {
			return Paged.choice(LetterSort.class, name, RECIPIENT);
		}
	}

	/**
	 * What a list of letters is narrowed to: a text found in the recipient organisation's name,
	 * its post's title or the letter's title; a status and a kind (their names; unknown or blank:
	 * all).
	 */
	public record LetterFilter(String q, String status, String kind) {

		Status statusValue() {
			return Paged.choice(Status.class, status, null);
		}

		Kind kindValue() {
			return Paged.choice(Kind.class, kind, null);
		}
	}

	/**
	 * One page of the letters an organisation issues for a year, searched, filtered and sorted in
	 * the database; the same letters {@link #issuedBy} lists (404 for an organisation out of view).
	 */
	public Paged<ResponsibilityLetter> page(long orgId, int year, LetterFilter filter, LetterSort sort, int page,
			int size) {
		tree.get(orgId);
		LetterFilter f = filter == null ? new LetterFilter(null, null, null) : filter;
		String text = f.q() == null ? "" : f.q().strip();
		Status status = f.statusValue();
		Kind kind = f.kindValue();
		String where = " WHERE l.issuer_org_id = :org AND l.duty_year = :year"
				+ (text.isEmpty() ? "" : " AND (ro.name LIKE :pattern ESCAPE '\\' OR rp.title LIKE :pattern ESCAPE '\\'"
						+ " OR l.recipient_org_name LIKE :pattern ESCAPE '\\' OR l.recipient_post_title LIKE :pattern ESCAPE '\\'"
						+ " OR l.title LIKE :pattern ESCAPE '\\')")
				+ (status == null ? "" : " AND l.status = :status") + (kind == null ? "" : " AND l.kind = :kind");
		var count = jdbc.sql("SELECT COUNT(*) FROM duty_letter l JOIN org ro ON ro.id = l.recipient_org_id"
				+ " JOIN post rp ON rp.id = l.recipient_post_id" + where);
		var rows = jdbc.sql(HEAD_SELECT + where + " ORDER BY " + (sort == null ? LetterSort.RECIPIENT : sort).orderBy
				+ " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
				.param("offset", Paged.offset(page, size)).param("size", size);
		for (var spec : List.of(count, rows)) {
			spec.param("org", orgId).param("year", year);
			if (!text.isEmpty()) {
				spec.param("pattern", Paged.containing(text));
			}
			if (status != null) {
				spec.param("status", status.name());
			}
			if (kind != null) {
				spec.param("kind", kind.name());
			}
		}
		long total = count.query(Long.class).single();
		return new Paged<>(rows.query(Rows.of(Head.class)).list().stream().map(this::assemble).toList(), page, size,
				total);
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
				 ORDER BY l.id""").param("year", year).param("person", personId).param("day", today)
				.query(Rows.of(Head.class)).list().stream().map(this::assemble).toList();
	}

	// ---- overview -----------------------------------------------------------------------------

	/** A letter not yet signed by both sides. */
	public record Pending(long letterId, Kind kind, Status status, long issuerOrgId, String issuerOrgName,
			String issuerPostTitle, long recipientOrgId, String recipientOrgName, String recipientPostTitle,
			boolean issuerSigned, boolean recipientSigned) {
	}

	/**
	 * Who has and has not signed, for the letters of a year issued anywhere in an organisation's
	 * subtree (within the caller's scope): counts by status over all of them and one page of the
	 * unsigned letters (the first {@link #OVERVIEW_ROWS} for {@link #overview(long, int)};
	 * {@code unsignedCount} tells how many there are, {@code truncated} that there are more than
	 * listed; {@link #unsigned} pages through them all).
	 */
	public record Overview(long orgId, int year, long letters, long draft, long issued, long signed,
			long unsignedCount, List<Pending> unsigned, boolean truncated) {
	}

	/** Unsigned letters an overview ({@link #overview(long, int)}) lists. */
	public static final int OVERVIEW_ROWS = 100;

	private record StatusCount(Status status, long letters) {
	}

	/** The counts, and the first {@link #OVERVIEW_ROWS} unsigned letters. */
	public Overview overview(long orgId, int year) {
		return overview(orgId, year, 1, OVERVIEW_ROWS);
	}

	/**
	 * Page {@code page} (from 1) of {@code size} of every unsigned letter of the overview, in its
	 * order (issuer in the tree's order, kind, recipient); 404 for an organisation out of view.
	 */
	public Paged<Pending> unsigned(long orgId, int year, int page, int size) {
		Overview overview = overview(orgId, year, page, size);
		return new Paged<>(overview.unsigned(), page, size, overview.unsignedCount());
	}

	/** The counts by status over the whole subtree, with page {@code page} of {@code size} unsigned letters. */
	public Overview overview(long orgId, int year, int page, int size) {
		tree.get(orgId);
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		String where = " WHERE l.duty_year = :year AND l.issuer_org_id IN (" + Subtree.ORG_IDS + ") AND "
				+ reading.condition("io");
		long[] counts = new long[Status.values().length];
		reading.bind(subtree.bind(jdbc.sql("SELECT l.status, COUNT(*) AS letters FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id"
				+ where + " GROUP BY l.status"))).param("year", year).query(Rows.of(StatusCount.class)).list()
				.forEach(c -> counts[c.status().ordinal()] = c.letters());
		List<Pending> unsigned = reading.bind(subtree.bind(jdbc.sql("""
				SELECT l.id AS letter_id, l.kind, l.status, l.issuer_org_id, io.name AS issuer_org_name,
				       ip.title AS issuer_post_title, l.recipient_org_id, ro.name AS recipient_org_name,
				       rp.title AS recipient_post_title,
				       EXISTS (SELECT 1 FROM duty_letter_signature s WHERE s.letter_id = l.id AND s.party = 'ISSUER') AS issuer_signed,
				       EXISTS (SELECT 1 FROM duty_letter_signature s WHERE s.letter_id = l.id AND s.party = 'RECIPIENT') AS recipient_signed
				FROM duty_letter l JOIN org io ON io.id = l.issuer_org_id JOIN org ro ON ro.id = l.recipient_org_id
				JOIN post ip ON ip.id = l.issuer_post_id JOIN post rp ON rp.id = l.recipient_post_id""" + where
				+ " AND l.status <> 'SIGNED' ORDER BY io.path, l.kind, ro.name, rp.sort_order, l.id"
				+ " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")))
				.param("year", year).param("offset", Paged.offset(page, size)).param("size", size)
				.query(Rows.of(Pending.class)).list();
		long draft = counts[Status.DRAFT.ordinal()];
		long issued = counts[Status.ISSUED.ordinal()];
		long signed = counts[Status.SIGNED.ordinal()];
		long unsignedCount = draft + issued;
		return new Overview(orgId, year, draft + issued + signed, draft, issued, signed, unsignedCount, unsigned,
				Paged.offset(page, size) + unsigned.size() < unsignedCount);
	}
}
