package zeren.org;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.Scope;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * Posts and tenures: who held which post from when to when. Other modules resolve people only
 * through {@link #leadersAt} and {@link #holdersAt}, at the date of the fact, never through the
 * "current holder".
 */
@Service
@Transactional(readOnly = true)
public class Leadership {

	static final RowMapper<Post> POST = (rs, n) -> new Post(rs.getLong("id"), rs.getLong("org_id"),
			rs.getString("title"), PostKind.valueOf(rs.getString("kind")), areas(rs.getString("areas")),
			rs.getInt("sort_order"), rs.getBoolean("active"));

	static final RowMapper<Tenure> TENURE = (rs, n) -> new Tenure(rs.getLong("t_id"), rs.getLong("t_person_id"),
			rs.getLong("t_post_id"), rs.getObject("t_start_date", LocalDate.class),
			rs.getObject("t_end_date", LocalDate.class),
			rs.getString("t_end_reason") == null ? null : Tenure.EndReason.valueOf(rs.getString("t_end_reason")));

	private static final String TENURE_COLUMNS = "t.id AS t_id, t.person_id AS t_person_id, t.post_id AS t_post_id, "
			+ "t.start_date AS t_start_date, t.end_date AS t_end_date, t.end_reason AS t_end_reason";

	private static final String ORG_COLUMNS = OrgTree.columns("o", "o_");

	private static final String PERSON_COLUMNS = People.columns("pe", "pe_");

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final People people;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;

	private final Inputs inputs;

	Leadership(JdbcClient jdbc, OrgTree tree, People people, BusinessClock clock, CurrentScope scope,
			AuditTrail audit, Inputs inputs) {
		this.inputs = inputs;
		this.jdbc = jdbc;
		this.tree = tree;
		this.people = people;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
	}

	private static List<String> areas(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public record NewPost(@NotBlank @Size(max = 100) String title, @NotNull PostKind kind, List<String> areas,
			Integer sortOrder) {
	}

	@Transactional
	public Post addPost(long orgId, NewPost request) {
		tree.managed(orgId);
		List<InputError> errors = DeclaredChecks.errors(inputs, request);
		String title = request.title() == null ? "" : request.title().strip();
		List<String> areas = request.areas() == null ? List.of()
				: request.areas().stream().map(a -> a == null ? "" : a.strip()).filter(a -> !a.isEmpty()).toList();
		String areasText = String.join("\n", areas);
		if (areasText.length() > 2000) {
			errors.add(InputError.field("areas", "error.field.too-long", 2000));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO post (org_id, title, kind, areas, sort_order, active, created_at)
				VALUES (:org, :title, :kind, :areas, :sort, TRUE, :now)
				""").param("org", orgId).param("title", title).param("kind", request.kind().name())
				.param("areas", areasText.isEmpty() ? null : areasText)
				.param("sort", request.sortOrder() == null ? 0 : request.sortOrder()).param("now", clock.now())
				.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(orgId, "post", id, "CREATE",
				"title=%s kind=%s areas=%s".formatted(title, request.kind(), areas)));
		return getPost(id);
	}

	/** A post of an organisation the caller may see. */
	public Post getPost(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT p.* FROM post p JOIN org so ON so.id = p.org_id WHERE p.id = :id AND "
				+ reading.condition("so"))).param("id", id).query(POST).optional()
				.orElseThrow(() -> new NotFoundException("post", id));
	}

	public List<Post> posts(long orgId) {
		tree.get(orgId);
		return jdbc.sql("SELECT * FROM post WHERE org_id = :org ORDER BY sort_order, id").param("org", orgId)
				.query(POST).list();
	}

	public record NewTenure(@NotNull Long personId, @NotNull Long postId, @NotNull LocalDate startDate,
			LocalDate endDate) {
	}

	/** The end of a tenure (see {@link #end}). */
	record Ending(@NotNull LocalDate endDate) {
	}

	/**
	 * Appoints a person to a post. For the first responsible person and the discipline
	 * secretary, a tenure that overlaps another holder's is refused; nobody holds the same post
	 * twice at once.
	 */
	@Transactional
	public Tenure appoint(NewTenure request) {
		List<InputError> errors = DeclaredChecks.errors(inputs, request);
		if (request.personId() != null && people.find(request.personId()).isEmpty()) {
			errors.add(InputError.field("personId", "error.person.unknown", request.personId()));
		}
		if (request.startDate() != null && request.endDate() != null
				&& request.endDate().isBefore(request.startDate())) {
			errors.add(InputError.field("endDate", "error.tenure.end-before-start"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// Lock the post so that two concurrent appointments cannot both pass the overlap check.
		Post post = jdbc.sql("SELECT * FROM post WHERE id = :id FOR UPDATE").param("id", request.postId())
				.query(POST).optional().filter(p -> tree.find(p.orgId()).isPresent()) // a post out of view is unknown
				.orElseThrow(() -> new InvalidInputException(
						List.of(InputError.field("postId", "error.post.unknown", request.postId()))));
		tree.managed(post.orgId());
		LocalDate end = request.endDate();
		List<Tenure> overlapping = jdbc.sql("""
				SELECT %s FROM tenure t
				WHERE t.post_id = :post AND (t.end_date IS NULL OR t.end_date >= :start)
				  AND (CAST(:end AS DATE) IS NULL OR t.start_date <= :end)
				ORDER BY t.start_date
				""".formatted(TENURE_COLUMNS)).param("post", post.id()).param("start", request.startDate())
				.param("end", end).query(TENURE).list();
		for (Tenure other : overlapping) {
			if (post.kind().hasSingleHolder() || other.personId() == request.personId()) {
				Person holder = people.load(other.personId()).orElseThrow();
				throw new ConflictException("startDate", "error.tenure.overlap", post.title(), holder.name(),
						other.startDate(), other.endDate() == null ? "—" : other.endDate());
			}
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tenure (person_id, post_id, start_date, end_date, created_at)
				VALUES (:person, :post, :start, :end, :now)
				""").param("person", request.personId()).param("post", post.id()).param("start", request.startDate())
				.param("end", end).param("now", clock.now()).update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(post.orgId(), "tenure", id, "APPOINT",
				"person=%d post=%d from=%s to=%s".formatted(request.personId(), post.id(), request.startDate(), end)));
		return getTenure(id);
	}

	/** A tenure in an organisation the caller may see. */
	public Tenure getTenure(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + TENURE_COLUMNS
				+ " FROM tenure t JOIN post tp ON tp.id = t.post_id JOIN org so ON so.id = tp.org_id WHERE t.id = :id AND "
				+ reading.condition("so"))).param("id", id).query(TENURE).optional()
				.orElseThrow(() -> new NotFoundException("tenure", id));
	}

	/** Ends a tenure on {@code endDate} (the last day in office). An ended tenure stays ended. */
	@Transactional
	public Tenure end(long tenureId, LocalDate endDate, Tenure.EndReason reason) {
		Tenure tenure = jdbc.sql("SELECT " + TENURE_COLUMNS + " FROM tenure t WHERE t.id = :id FOR UPDATE")
				.param("id", tenureId).query(TENURE).optional()
				.orElseThrow(() -> new NotFoundException("tenure", tenureId));
		getTenure(tenureId); // out of view: 404, as for a tenure that does not exist
		long orgId = jdbc.sql("SELECT org_id FROM post WHERE id = :id").param("id", tenure.postId()).query(Long.class)
				.single();
		tree.managed(orgId);
		inputs.check(new Ending(endDate));
		if (tenure.endDate() != null) {
			throw new ConflictException("endDate", "error.tenure.already-ended", tenure.endDate());
		}
		if (endDate.isBefore(tenure.startDate())) {
			throw InvalidInputException.of("endDate", "error.tenure.end-before-start");
		}
		Integer later = jdbc.sql("""
				SELECT COUNT(*) FROM tenure t JOIN post p ON p.id = t.post_id
				WHERE t.post_id = :post AND t.id <> :id AND t.start_date > :start AND t.start_date <= :end
				  AND (p.kind IN ('SECRETARY', 'DISCIPLINE_SECRETARY') OR t.person_id = :person)
				""").param("post", tenure.postId()).param("id", tenureId).param("start", tenure.startDate())
				.param("end", endDate).param("person", tenure.personId()).query(Integer.class).single();
		if (later > 0) {
			throw new ConflictException("endDate", "error.tenure.end-overlaps-successor");
		}
		jdbc.sql("UPDATE tenure SET end_date = :end, end_reason = :reason, ended_at = :now WHERE id = :id")
				.param("end", endDate).param("reason", (reason == null ? Tenure.EndReason.OTHER : reason).name())
				.param("now", clock.now()).param("id", tenureId).update();
		audit.record(new AuditTrail.Change(orgId, "tenure", tenureId, "END",
				"to=%s reason=%s".formatted(endDate, reason == null ? Tenure.EndReason.OTHER : reason)));
		return getTenure(tenureId);
	}

	/** One post and who held it on a date; {@code person} and {@code tenure} are empty when vacant. */
	public record Holding(Post post, Person person, Tenure tenure) {
	}

	/** Who held each post of an organisation on {@code date}. */
	public List<Holding> leadersAt(long orgId, LocalDate date) {
		tree.get(orgId);
		return jdbc.sql("""
				SELECT p.*, %s, %s
				FROM post p
				LEFT JOIN tenure t ON t.post_id = p.id AND t.start_date <= :at AND (t.end_date IS NULL OR t.end_date >= :at)
				LEFT JOIN person pe ON pe.id = t.person_id
				WHERE p.org_id = :org
				ORDER BY p.sort_order, p.id, t.start_date
				""".formatted(TENURE_COLUMNS, PERSON_COLUMNS)).param("org", orgId).param("at", date).query((rs, n) -> {
			Post post = POST.mapRow(rs, n);
			if (rs.getObject("t_id") == null) {
				return new Holding(post, null, null);
			}
			return new Holding(post, People.map(rs, "pe_"), TENURE.mapRow(rs, n));
		}).list();
	}

	/** The people who held a kind of post in an organisation on a date (e.g. its secretary on 2021-06-30). */
	public List<Person> holdersAt(long orgId, PostKind kind, LocalDate date) {
		return leadersAt(orgId, date).stream().filter(h -> h.post().kind() == kind && h.person() != null)
				.map(Holding::person).toList();
	}

	/** A tenure with its post and organisation. */
	public record TenureEntry(Tenure tenure, Post post, Org org, Person person) {
	}

	/** Every post this person has held, earliest first. */
	public List<TenureEntry> career(long personId) {
		people.get(personId);
		return entries("t.person_id = :key", java.util.Map.of("key", personId));
	}

	/** Every tenure of every post of an organisation: the history of its leadership team. */
	public List<TenureEntry> history(long orgId) {
		tree.get(orgId);
		return entries("p.org_id = :key", java.util.Map.of("key", orgId));
	}

	/**
	 * Everyone who held a post of these organisations at any time from {@code from} to {@code to}
	 * (both inclusive), whether or not they hold it today, in one query: the tenures behind
	 * retrospective tracing (倒查).
	 */
	public List<TenureEntry> tenuresDuring(java.util.Collection<Long> orgIds, LocalDate from, LocalDate to) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return entries("p.org_id IN (:keys) AND t.start_date <= :to AND (t.end_date IS NULL OR t.end_date >= :from)",
				java.util.Map.of("keys", List.copyOf(orgIds), "from", from, "to", to));
	}

	/** Every post each of these people has held, earliest first, in one query (careers side by side). */
	public List<TenureEntry> careers(java.util.Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		return entries("t.person_id IN (:keys)", java.util.Map.of("keys", List.copyOf(personIds)));
	}

	/** Tenures with their post, organisation and person in one query, cut to the caller's scope. */
	private List<TenureEntry> entries(String condition, java.util.Map<String, ?> params) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("""
				SELECT p.*, %s, %s, %s
				FROM tenure t JOIN post p ON p.id = t.post_id JOIN org o ON o.id = p.org_id
				JOIN person pe ON pe.id = t.person_id
				WHERE %s AND %s
				ORDER BY t.start_date, t.id
				""".formatted(TENURE_COLUMNS, ORG_COLUMNS, PERSON_COLUMNS, condition, reading.condition("o"))))
				.params(params).query((rs, n) -> new TenureEntry(TENURE.mapRow(rs, n), POST.mapRow(rs, n),
						OrgTree.map(rs, "o_"), People.map(rs, "pe_")))
				.list();
	}
}
