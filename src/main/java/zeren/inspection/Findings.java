package zeren.inspection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.evidence.Attachments;
import zeren.evidence.Download;
import zeren.evidence.Evidence;
import zeren.inspection.Finding.ResponsiblePost;
import zeren.inspection.Finding.Severity;
import zeren.inspection.Inspections.Head;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Scope;

/**
 * The findings of inspections: recorded one by one or imported from XLSX (all or nothing,
 * errors by line and column) by whoever supervises the inspecting organisation; read by whoever
 * sees the inspecting organisation or the organisation the finding is about.
 */
@Service
@Transactional(readOnly = true)
public class Findings {

	private final JdbcClient jdbc;
	private final Inspections inspections;
	private final Attachments files;
	private final Validator validator;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;

	Findings(JdbcClient jdbc, Inspections inspections, Attachments files, Validator validator, OrgTree tree,
			Leadership leadership, BusinessClock clock, CurrentScope scope, AuditTrail audit) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.files = files;
		this.validator = validator;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
	}

	/** What a finding says; {@code severity} is the code name or the Chinese name. */
	public record FindingInput(@NotNull Long orgId, Integer focusNo, @NotBlank @Size(max = 4000) String description,
			@NotBlank String severity, List<Long> responsiblePostIds) {
	}

	@Transactional
	public Finding add(long inspectionId, FindingInput in) {
		Head head = inspections.supervisedHead(inspectionId);
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(in)));
		Clean c = check(head, in, errors, null, Map.of());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long id = insert(head, c);
		audit.record(new AuditTrail.Change(c.orgId(), "inspection-finding", id, "CREATE",
				"inspection=%d severity=%s %s".formatted(inspectionId, c.severity(), c.description())));
		return get(id);
	}

	record Clean(long orgId, Integer focusNo, String description, Severity severity, List<Long> postIds) {
	}

	/**
	 * The checks of a finding beyond its declared constraints (reported by the caller): the
	 * organisation covered, the focus item and the severity known, the posts the organisation's.
	 * {@code columns}: the names of the fields in a file, by field.
	 */
	private Clean check(Head head, FindingInput in, List<InputError> errors, Long line, Map<String, String> columns) {
		String orgField = columns.getOrDefault("orgId", "orgId");
		String focusField = columns.getOrDefault("focusNo", "focusNo");
		String severityField = columns.getOrDefault("severity", "severity");
		String postsField = columns.getOrDefault("responsiblePostIds", "responsiblePostIds");
		int before = errors.size();
		if (in.orgId() != null && !inspections.covers(head.id(), in.orgId())) {
			errors.add(error(line, orgField, "error.inspection.not-a-target", in.orgId()));
		}
		int focusCount = inspections.focus(head.id()).size();
		if (in.focusNo() != null && (in.focusNo() < 1 || in.focusNo() > focusCount)) {
			errors.add(error(line, focusField, "error.inspection.focus-unknown", in.focusNo(), focusCount));
		}
		String description = in.description() == null ? null : in.description().strip();
		Severity severity = null;
		if (in.severity() != null && !in.severity().isBlank() && (severity = Severity.parse(in.severity())) == null) {
			errors.add(error(line, severityField, "error.inspection.severity-unknown", in.severity().strip()));
		}
		Set<Long> postIds = new LinkedHashSet<>();
		if (in.responsiblePostIds() != null && in.orgId() != null && errors.size() == before) {
			Set<Long> ofOrg = new java.util.HashSet<>();
			leadership.posts(in.orgId()).forEach(p -> ofOrg.add(p.id()));
			for (Long postId : in.responsiblePostIds()) {
				if (postId == null || !ofOrg.contains(postId)) {
					errors.add(error(line, postsField, "error.inspection.post-not-of-org", postId));
				}
				else {
					postIds.add(postId);
				}
			}
		}
		if (errors.size() > before || in.orgId() == null || description == null || severity == null) {
			return null;
		}
		return new Clean(in.orgId(), in.focusNo(), description, severity, List.copyOf(postIds));
	}

	private static InputError error(Long line, String field, String code, Object... args) {
		return line == null ? InputError.field(field, code, args) : InputError.line(line, field, code, args);
	}

	private long insert(Head head, Clean c) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO inspection_finding (inspection_id, org_id, focus_no, description, severity, created_at)
				VALUES (:inspection, :org, :focus, :description, :severity, :now)
				""").param("inspection", head.id()).param("org", c.orgId()).param("focus", c.focusNo())
				.param("description", c.description()).param("severity", c.severity().name()).param("now", clock.now())
				.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long postId : c.postIds()) {
			jdbc.sql("INSERT INTO inspection_finding_post (finding_id, post_id) VALUES (:f, :p)").param("f", id)
					.param("p", postId).update();
		}
		return id;
	}

	// ---- evidence -----------------------------------------------------------------------------

	/** The owner type of a finding's files in the evidence module. */
	static final String ATTACHMENTS = "inspection-finding";

	/**
	 * Attaches a file to a finding: kept by the evidence module for the inspecting organisation
	 * (which gathered it). 404 when the finding does not exist, 403 unless the caller supervises
	 * the inspecting organisation.
	 */
	@Transactional
	public Evidence attach(long findingId, String name, java.io.InputStream content) {
		get(findingId); // out of view: 404, as for a finding that does not exist
		Head head = inspections.supervisedHead(inspectionOf(findingId));
		Evidence stored = files.store(new Attachments.Owner(ATTACHMENTS, findingId), head.orgId(), name, content).evidence();
		audit.record(new AuditTrail.Change(head.orgId(), "inspection-finding", findingId, "ATTACH",
				"evidence=%d %s sha256=%s".formatted(stored.id(), stored.originalName(), stored.sha256())));
		return stored;
	}

	/** 404 when the finding does not exist, 403 unless the caller supervises its inspecting organisation. */
	public void requireSupervised(long findingId) {
		get(findingId); // out of view: 404, as for a finding that does not exist
		inspections.supervisedHead(inspectionOf(findingId));
	}

	private long inspectionOf(long findingId) {
		return jdbc.sql("SELECT inspection_id FROM inspection_finding WHERE id = :id").param("id", findingId)
				.query(Long.class).optional().orElseThrow(() -> new NotFoundException("inspection-finding", findingId));
	}

	/** The evidence of a finding the caller sees. */
	public List<Evidence> evidence(long findingId) {
		get(findingId);
		return files.of(new Attachments.Owner(ATTACHMENTS, findingId));
	}

	/** A file of a finding the caller sees (404 when it is not attached to this finding). */
	public Download download(long findingId, long evidenceId) {
		get(findingId);
		return files.open(new Attachments.Owner(ATTACHMENTS, findingId), evidenceId);
	}

	// ---- import -------------------------------------------------------------------------------

	/** The columns of the findings sheet, in the template's order. */
	public static final List<String> COLUMNS = List.of("单位编码", "单位名称", "检查重点", "问题描述", "问题等级", "责任岗位");

	/** One row of an imported findings sheet, as text, with what was wrong with its cells already. */
	public record ImportRow(long line, @NotBlank String orgCode, String focus,
			@NotBlank @Size(max = 4000) String description, @NotBlank String severity, String responsiblePosts,
			List<InputError> errors) {
	}

	/** A row's columns by the fields of {@link ImportRow} and of {@link FindingInput}. */
	private static final Map<String, String> ROW_COLUMNS = Map.of("orgCode", "单位编码", "orgId", "单位编码",
			"focusNo", "检查重点", "description", "问题描述", "severity", "问题等级", "responsiblePostIds", "责任岗位");

	/** The row's declared constraints broken, by field, each error at the row's line and named by its column. */
	private Map<String, List<InputError>> declared(ImportRow row) {
		Map<String, List<InputError>> byField = new LinkedHashMap<>();
		for (InputError e : Inputs.errors(validator.validate(row))) {
			byField.computeIfAbsent(e.field(), k -> new ArrayList<>())
					.add(InputError.line(row.line(), ROW_COLUMNS.get(e.field()), e.code(), e.args().toArray()));
		}
		return byField;
	}

	/** Records every row as a finding, or none: any error refuses the whole file, each error with its line and column. */
	@Transactional
	public List<Finding> importRows(long inspectionId, List<ImportRow> rows) {
		Head head = inspections.supervisedHead(inspectionId);
		List<String> focus = inspections.focus(inspectionId);
		List<InputError> errors = new ArrayList<>();
		if (rows.isEmpty()) {
			throw InvalidInputException.of("file", "error.inspection.import-empty");
		}
		Map<Long, Map<String, Long>> postsByOrg = new HashMap<>();
		List<Clean> clean = new ArrayList<>();
		for (ImportRow row : rows) {
			errors.addAll(row.errors());
			Map<String, List<InputError>> declared = declared(row);
			Long orgId = null;
			String code = row.orgCode() == null ? "" : row.orgCode().strip();
			if (declared.containsKey("orgCode")) {
				errors.addAll(declared.remove("orgCode"));
			}
			else {
				Org org = tree.findByCode(code).orElse(null);
				if (org == null) {
					errors.add(InputError.line(row.line(), "单位编码", "error.inspection.org-code-unknown", code));
				}
				else {
					orgId = org.id();
				}
			}
			Integer focusNo = null;
			String f = row.focus() == null ? "" : row.focus().strip();
			if (!f.isEmpty()) {
				if (f.matches("\\d{1,3}")) {
					focusNo = Integer.parseInt(f);
				}
				else if (focus.contains(f)) {
					focusNo = focus.indexOf(f) + 1;
				}
				else {
					errors.add(InputError.line(row.line(), "检查重点", "error.inspection.focus-text-unknown", f));
				}
			}
			List<Long> postIds = new ArrayList<>();
			String posts = row.responsiblePosts() == null ? "" : row.responsiblePosts().strip();
			if (!posts.isEmpty() && orgId != null) {
				Map<String, Long> byTitle = postsByOrg.computeIfAbsent(orgId, this::postsByTitle);
				for (String title : posts.split("[、,，;；\n]")) {
					String t = title.strip();
					if (t.isEmpty()) {
						continue;
					}
					Long postId = byTitle.get(t);
					if (postId == null) {
						errors.add(InputError.line(row.line(), "责任岗位", "error.inspection.post-title-unknown", t, code));
					}
					else {
						postIds.add(postId);
					}
				}
			}
			declared.values().forEach(errors::addAll);
			Clean c = check(head, new FindingInput(orgId, focusNo, row.description(), row.severity(), postIds), errors,
					row.line(), ROW_COLUMNS);
			if (c != null) {
				clean.add(c);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 1000)), errors.size());
		}
		List<Long> ids = new ArrayList<>();
		for (Clean c : clean) {
			ids.add(insert(head, c));
		}
		audit.record(new AuditTrail.Change(head.orgId(), "inspection", head.id(), "IMPORT_FINDINGS",
				"findings=" + ids.size()));
		return byIds(ids);
	}

	private Map<String, Long> postsByTitle(long orgId) {
		Map<String, Long> byTitle = new HashMap<>();
		for (Post p : leadership.posts(orgId)) {
			byTitle.putIfAbsent(p.title(), p.id());
		}
		return byTitle;
	}

	// ---- reading ------------------------------------------------------------------------------

	private static final String COLUMNS_SQL = """
			f.id, f.inspection_id, i.title AS inspection_title, i.org_id AS inspecting_org_id,
			io.name AS inspecting_org_name, f.org_id, fo.name AS org_name, f.focus_no, fc.text AS focus_item,
			f.description, f.severity, f.created_at""";

	private static final String FROM = """
			FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id JOIN org io ON io.id = i.org_id
			JOIN org fo ON fo.id = f.org_id
			LEFT JOIN inspection_focus fc ON fc.inspection_id = f.inspection_id AND fc.focus_no = f.focus_no""";

	private static final RowMapper<Finding> FINDING = (rs, n) -> {
		long id = rs.getLong("id");
		return new Finding(id, rs.getLong("inspection_id"), rs.getString("inspection_title"),
				rs.getLong("inspecting_org_id"), rs.getString("inspecting_org_name"), rs.getLong("org_id"),
				rs.getString("org_name"), (Integer) rs.getObject("focus_no", Integer.class), rs.getString("focus_item"),
				rs.getString("description"), Severity.valueOf(rs.getString("severity")), List.of(),
				rs.getObject("created_at", OffsetDateTime.class), Finding.Ref.of(id));
	};

	/** The caller sees a finding when they see the inspecting organisation or the organisation it is about. */
	private static String visible(Scope reading) {
		return "(" + reading.condition("io") + " OR " + reading.condition("fo") + ")";
	}

	/** A finding the caller may see, or 404. */
	public Finding get(long id) {
		Scope reading = scope.reading();
		Finding f = reading.bind(jdbc.sql("SELECT " + COLUMNS_SQL + " " + FROM + " WHERE f.id = :id AND " + visible(reading)))
				.param("id", id).query(FINDING).optional().orElseThrow(() -> new NotFoundException("inspection-finding", id));
		return withPosts(List.of(f)).get(0);
	}

	/** Findings by id, unscoped: only for findings the caller has just been allowed to write. */
	private List<Finding> byIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withPosts(jdbc.sql("SELECT " + COLUMNS_SQL + " " + FROM + " WHERE f.id IN (:ids) ORDER BY f.id")
				.param("ids", ids).query(FINDING).list());
	}

	/** The findings of an inspection that the caller sees. */
	public List<Finding> ofInspection(long inspectionId) {
		inspections.head(inspectionId);
		Scope reading = scope.reading();
		return withPosts(reading.bind(jdbc.sql("SELECT " + COLUMNS_SQL + " " + FROM + " WHERE f.inspection_id = :id AND "
				+ visible(reading) + " ORDER BY f.id")).param("id", inspectionId).query(FINDING).list());
	}

	/** The orders of the findings list (its 排序 choices). */
	public enum FindingSort {
		/** By the organisation found at fault, as the tree orders them. */
		ORG("fo.path, f.id"),
		/** The gravest first. */
		SEVERITY("CASE f.severity WHEN 'GRAVE' THEN 0 WHEN 'SERIOUS' THEN 1 ELSE 2 END, fo.path, f.id"),
		/** The latest recorded first. */
		RECENT("f.id DESC");

		private final String orderBy;

		FindingSort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The sort named on a page, by organisation when none or unknown. */
		public static FindingSort of(String name) {
			return zeren.platform.Paged.choice(FindingSort.class, name, ORG);
		}
	}

	/** What the findings list is narrowed to: a text (description, focus, inspection, organisation), a severity's name. */
	public record FindingFilter(String q, String severity) {

		Finding.Severity severityValue() {
			return zeren.platform.Paged.choice(Finding.Severity.class, severity, null);
		}
	}

	/**
	 * One page of the findings about an organisation and everything below it that the caller sees,
	 * of inspections started in a year: searched, filtered, sorted, paged and counted in the
	 * database. The one query of the list: the page, its export and the API read it.
	 */
	public zeren.platform.Paged<Finding> page(long orgId, int year, FindingFilter filter, FindingSort sort, int page,
			int size) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		FindingFilter f = filter == null ? new FindingFilter(null, null) : filter;
		String text = f.q() == null ? "" : f.q().strip();
		Finding.Severity severity = f.severityValue();
		String where = " WHERE f.org_id IN (" + Subtree.ORG_IDS + ") AND i.start_date >= :first AND i.start_date <= :last AND "
				+ visible(reading)
				+ (text.isEmpty() ? "" : " AND (f.description LIKE :pattern ESCAPE '\\' OR fc.text LIKE :pattern ESCAPE '\\'"
						+ " OR i.title LIKE :pattern ESCAPE '\\' OR fo.name LIKE :pattern ESCAPE '\\')")
				+ (severity == null ? "" : " AND f.severity = :severity");
		var count = jdbc.sql("SELECT COUNT(*) " + FROM + where);
		var rows = jdbc.sql("SELECT " + COLUMNS_SQL + " " + FROM + where + " ORDER BY "
				+ (sort == null ? FindingSort.ORG : sort).orderBy + " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
				.param("offset", zeren.platform.Paged.offset(page, size)).param("size", size);
		for (var spec : List.of(count, rows)) {
			reading.bind(subtree.bind(spec)).param("first", java.time.LocalDate.of(year, 1, 1))
					.param("last", java.time.LocalDate.of(year, 12, 31));
			if (!text.isEmpty()) {
				spec.param("pattern", zeren.platform.Paged.containing(text));
			}
			if (severity != null) {
				spec.param("severity", severity.name());
			}
		}
		long total = count.query(Long.class).single();
		return new zeren.platform.Paged<>(withPosts(rows.query(FINDING).list()), page, size, total);
	}

	private List<Finding> withPosts(List<Finding> findings) {
		if (findings.isEmpty()) {
			return findings;
		}
		Map<Long, List<ResponsiblePost>> posts = new HashMap<>();
		jdbc.sql("""
				SELECT fp.finding_id, p.id, p.title, p.org_id FROM inspection_finding_post fp JOIN post p ON p.id = fp.post_id
				WHERE fp.finding_id IN (:ids) ORDER BY p.sort_order, p.id
				""").param("ids", findings.stream().map(Finding::id).toList()).query(rs -> {
			posts.computeIfAbsent(rs.getLong("finding_id"), k -> new ArrayList<>())
					.add(new ResponsiblePost(rs.getLong("id"), rs.getString("title"), rs.getLong("org_id")));
		});
		return findings.stream().map(f -> new Finding(f.id(), f.inspectionId(), f.inspectionTitle(), f.inspectingOrgId(),
				f.inspectingOrgName(), f.orgId(), f.orgName(), f.focusNo(), f.focusItem(), f.description(), f.severity(),
				List.copyOf(posts.getOrDefault(f.id(), List.of())), f.createdAt(), f.ref())).toList();
	}
}
