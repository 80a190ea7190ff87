package zeren.org;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/** People: the cadres who hold posts, and whose responsibility follows them from post to post. */
@Service
@Transactional(readOnly = true)
public class People {

	/** The person from columns named {@code prefix + column} (see {@link #columns}). */
	static Person map(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
		String gender = rs.getString(prefix + "gender");
		return new Person(rs.getLong(prefix + "id"), rs.getString(prefix + "name"),
				gender == null ? null : Person.Gender.valueOf(gender),
				rs.getObject(prefix + "birth_date", java.time.LocalDate.class), rs.getString(prefix + "id_number"),
				rs.getString(prefix + "notes"));
	}

	/** The columns of {@code person} row {@code alias}, named {@code prefix + column}, for joins that {@link #map} reads. */
	static String columns(String alias, String prefix) {
		return java.util.stream.Stream.of("id", "name", "gender", "birth_date", "id_number", "notes")
				.map(c -> alias + "." + c + " AS " + prefix + c).collect(java.util.stream.Collectors.joining(", "));
	}

	private final JdbcClient jdbc;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final OrgTree tree;
	private final AuditTrail audit;
	private final Inputs inputs;

	People(JdbcClient jdbc, BusinessClock clock, CurrentScope scope, OrgTree tree, AuditTrail audit, Inputs inputs) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scope = scope;
		this.tree = tree;
		this.audit = audit;
		this.inputs = inputs;
	}

	/** {@code orgId}: the home organisation that manages the person's record (optional for an admin). */
	public record NewPerson(@NotBlank @Size(max = 100) String name, Person.Gender gender, java.time.LocalDate birthDate,
			String idNumber, @Size(max = 2000) String notes, Long orgId) {

		public NewPerson(String name, Person.Gender gender, java.time.LocalDate birthDate, String idNumber,
				String notes) {
			this(name, gender, birthDate, idNumber, notes, null);
		}
	}

	/**
	 * People the caller may see: those whose home organisation, or any organisation where they
	 * held a post, lies in the caller's scope.
	 */
	private String visible(Scope reading) {
		if (reading.unrestricted()) {
			return "1 = 1";
		}
		return """
				(EXISTS (SELECT 1 FROM org so WHERE so.id = p.org_id AND %s)
				 OR EXISTS (SELECT 1 FROM tenure vt JOIN post vp ON vp.id = vt.post_id JOIN org so ON so.id = vp.org_id
				            WHERE vt.person_id = p.id AND %s))""".formatted(reading.condition("so"), reading.condition("so"));
	}

	@Transactional
	public Person create(NewPerson request) {
		List<InputError> errors = DeclaredChecks.errors(inputs, request);
		String name = request.name() == null ? "" : request.name().strip();
		String idNumber = ResidentIdNumber.normalise(request.idNumber());
		if (idNumber != null && idNumber.isEmpty()) {
			idNumber = null;
		}
		if (idNumber != null) {
			if (!ResidentIdNumber.isValid(idNumber)) {
				errors.add(InputError.field("idNumber", "error.person.id-number-invalid"));
			}
			else if (request.birthDate() != null
					&& !ResidentIdNumber.birthDate(idNumber).orElseThrow().equals(request.birthDate())) {
				errors.add(InputError.field("birthDate", "error.person.birth-date-mismatch"));
			}
		}
		if (request.birthDate() != null && request.birthDate().isAfter(clock.today())) {
			errors.add(InputError.field("birthDate", "error.field.future"));
		}
		if (request.orgId() == null && !scope.isAdmin()) {
			errors.add(InputError.field("orgId", "error.field.required"));
		}
		Org home = request.orgId() == null ? null : tree.find(request.orgId()).orElse(null);
		if (request.orgId() != null && home == null) {
			errors.add(InputError.field("orgId", "error.org.unknown", request.orgId()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (home != null) {
			tree.requireManaging(home);
		}
		java.time.LocalDate birthDate = request.birthDate() != null ? request.birthDate()
				: idNumber == null ? null : ResidentIdNumber.birthDate(idNumber).orElse(null);
		var now = clock.now();
		try {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO person (name, gender, birth_date, id_number, notes, org_id, created_at, updated_at)
					VALUES (:name, :gender, :birth, :idNumber, :notes, :org, :now, :now)
					""").param("name", name).param("gender", request.gender() == null ? null : request.gender().name())
					.param("birth", birthDate).param("idNumber", idNumber).param("notes", request.notes())
					.param("org", request.orgId()).param("now", now).update(keys, "id");
			long id = keys.getKey().longValue();
			audit.record(new AuditTrail.Change(request.orgId(), "person", id, "CREATE", "name=" + name));
			return load(id).orElseThrow();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("idNumber", "error.person.id-number-taken");
		}
	}

	Optional<Person> load(long id) {
		return jdbc.sql("SELECT * FROM person p WHERE p.id = :id").param("id", id).query(Rows.of(Person.class)).optional();
	}

	/** A person the caller may see. */
	public Optional<Person> find(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT * FROM person p WHERE p.id = :id AND " + visible(reading)))
				.param("id", id).query(Rows.of(Person.class)).optional();
	}

	public Person get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("person", id));
	}

	/** How the people list may be sorted. */
	public enum Sort {
		/** The most recently registered first. */
		RECENT("p.id DESC"),
		/** By name. */
		NAME("p.name, p.id");

		private final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}
	}

	/**
	 * Page {@code page} of the people the caller may see whose name contains {@code q} (or whose
	 * resident id number is {@code q}), sorted by {@code sort}; counted in the same scope.
	 */
	public zeren.platform.Paged<Person> page(String q, Sort sort, int page, int size) {
		return page(q, null, sort, page, size);
	}

	/**
	 * {@link #page(String, Sort, int, int)} narrowed, when {@code orgId} is given, to the people of
	 * that organisation's subtree (registered there or holding a post there); 404 for an
	 * organisation out of view.
	 */
	public zeren.platform.Paged<Person> page(String q, Long orgId, Sort sort, int page, int size) {
		String text = q == null ? "" : q.strip();
		Scope reading = scope.reading();
		Subtree subtree = orgId == null ? null : tree.subtree(tree.get(orgId).id());
		String match = text.isEmpty() ? "" : "(p.name LIKE :pattern ESCAPE '\\' OR p.id_number = :exact) AND ";
		String within = subtree == null ? "" : """
				(EXISTS (SELECT 1 FROM org fo WHERE fo.id = p.org_id AND fo.path >= :subtreeFrom AND fo.path < :subtreeTo)
				 OR EXISTS (SELECT 1 FROM tenure ft JOIN post fp ON fp.id = ft.post_id JOIN org fo ON fo.id = fp.org_id
				            WHERE ft.person_id = p.id AND fo.path >= :subtreeFrom AND fo.path < :subtreeTo))""" + " AND ";
		String where = " FROM person p WHERE " + match + within + visible(reading);
		var count = reading.bind(jdbc.sql("SELECT COUNT(*)" + where));
		var rows = reading.bind(jdbc.sql("SELECT *" + where + " ORDER BY " + (sort == null ? Sort.RECENT : sort).orderBy
				+ " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY"))
				.param("offset", zeren.platform.Paged.offset(page, size)).param("size", size);
		for (var spec : List.of(count, rows)) {
			if (!text.isEmpty()) {
				spec.param("pattern", zeren.platform.Paged.containing(text)).param("exact", text.toUpperCase());
			}
			if (subtree != null) {
				subtree.bind(spec);
			}
		}
		long total = count.query(Long.class).single();
		return new zeren.platform.Paged<>(rows.query(Rows.of(Person.class)).list(), page, size, total);
	}

	public List<Person> search(String q, int limit) {
		String text = q == null ? "" : q.strip();
		Scope reading = scope.reading();
		if (text.isEmpty()) {
			return reading.bind(jdbc.sql("SELECT * FROM person p WHERE %s ORDER BY p.id DESC FETCH FIRST %d ROWS ONLY"
					.formatted(visible(reading), Math.max(1, Math.min(limit, 500))))).query(Rows.of(Person.class)).list();
		}
		return reading.bind(jdbc.sql("""
				SELECT * FROM person p WHERE (p.name LIKE :pattern ESCAPE '\\' OR p.id_number = :exact) AND %s
				ORDER BY p.name, p.id FETCH FIRST %d ROWS ONLY""".formatted(visible(reading), Math.max(1, Math.min(limit, 500)))))
				.param("pattern", "%" + OrgTree.escapeLike(text) + "%").param("exact", text.toUpperCase())
				.query(Rows.of(Person.class)).list();
	}
}
