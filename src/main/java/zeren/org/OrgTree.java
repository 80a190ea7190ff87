package zeren.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.platform.ConflictException;
import zeren.platform.Database;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * The organisation tree: create, rename, move, deactivate, browse, search, and the subtree
 * every module scopes by. Nothing is ever deleted: an organisation that is no longer needed is
 * deactivated and keeps its history.
 */
@Service
@Transactional(readOnly = true)
public class OrgTree {

	static final int MAX_DEPTH = 64;

	static final String COLUMNS = "o.id, o.code, o.name, o.type, o.parent_id, o.depth, o.sort_order, o.active, o.discipline_body_id, o.path";

	private final JdbcClient jdbc;
	private final Database database;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final Inputs inputs;

	OrgTree(JdbcClient jdbc, Database database, BusinessClock clock, CurrentScope scope, AuditTrail audit,
			Inputs inputs) {
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.scope = scope;
		this.audit = audit;
		this.inputs = inputs;
	}

	static Org map(ResultSet rs, int row) throws SQLException {
		return map(rs, "");
	}

	/** The organisation from columns named {@code prefix + column} (see {@link #columns}). */
	static Org map(ResultSet rs, String prefix) throws SQLException {
		return new Org(rs.getLong(prefix + "id"), rs.getString(prefix + "code"), rs.getString(prefix + "name"),
				OrgType.valueOf(rs.getString(prefix + "type")), (Long) rs.getObject(prefix + "parent_id", Long.class),
				rs.getInt(prefix + "depth"), rs.getInt(prefix + "sort_order"), rs.getBoolean(prefix + "active"),
				(Long) rs.getObject(prefix + "discipline_body_id", Long.class), rs.getString(prefix + "path"));
	}

	/** The columns of {@code org} row {@code alias}, named {@code prefix + column}, for joins that {@link #map} reads. */
	static String columns(String alias, String prefix) {
		return java.util.stream.Stream.of("id", "code", "name", "type", "parent_id", "depth", "sort_order", "active",
				"discipline_body_id", "path").map(c -> alias + "." + c + " AS " + prefix + c)
				.collect(java.util.stream.Collectors.joining(", "));
	}

	/** Any organisation, whatever the caller's scope: for checks inside the module only. */
	Optional<Org> load(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id = :id").param("id", id).query(Rows.of(Org.class)).optional();
	}

	Optional<Org> loadByCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.code = :code").param("code", code).query(Rows.of(Org.class))
				.optional();
	}

	/** An organisation the caller may see. */
	public Optional<Org> find(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id = :id AND " + reading.condition("o")))
				.param("id", id).query(Rows.of(Org.class)).optional();
	}

	/** An organisation the caller may see, or 404. */
	public Org get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("org", id));
	}

	public Optional<Org> findByCode(String code) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.code = :code AND " + reading.condition("o")))
				.param("code", code).query(Rows.of(Org.class)).optional();
	}

	/** An organisation the caller may manage: 404 when it does not exist or is out of view, 403 when not managed. */
	Org managed(long id) {
		Org org = load(id).orElseThrow(() -> new NotFoundException("org", id));
		requireManaging(org);
		return org;
	}

	/** 403 unless the caller manages the organisation; 404, as for one that does not exist, when they cannot see it. */
	void requireManaging(Org org) {
		if (!scope.managing().contains(org.path())) {
			throw scope.reading().contains(org.path()) ? new ForbiddenException() : new NotFoundException("org", org.id());
		}
	}

	/**
	 * An organisation the caller may see and manage, else 403: for one that does not exist or is
	 * out of view too, so that a refused write tells nothing of it.
	 */
	public Org manageableOrForbidden(long id) {
		Org org = find(id).orElse(null);
		if (org == null || !canManage(org.id())) {
			throw new ForbiddenException();
		}
		return org;
	}

	/** Whether the caller may manage this organisation. */
	public boolean canManage(long id) {
		return load(id).map(o -> scope.managing().contains(o.path())).orElse(false);
	}

	/**
	 * The tops of what the caller may see: the organisations without a parent, or, for a scoped
	 * caller, the organisations their grants start at.
	 */
	public List<OrgNode> roots() {
		Scope reading = scope.reading();
		if (reading.unrestricted()) {
			return nodes("o.parent_id IS NULL", Map.of(), reading);
		}
		if (reading.isEmpty()) {
			return List.of();
		}
		List<String> tops = reading.ranges().stream().map(Scope.Range::from)
				.filter(from -> reading.ranges().stream().noneMatch(r -> !r.from().equals(from) && r.contains(from)))
				.distinct().toList();
		return nodes("o.path IN (:tops)", Map.of("tops", tops), reading);
	}

	/** The children the caller may see, each with the number of its own children the caller may see. */
	public List<OrgNode> children(long id) {
		get(id);
		return nodes("o.parent_id = :id", Map.of("id", id), scope.reading());
	}

	private List<OrgNode> nodes(String where, Map<String, Object> params, Scope reading) {
		return reading.bind(jdbc.sql("""
				SELECT %s, (SELECT COUNT(*) FROM org c WHERE c.parent_id = o.id AND %s) AS child_count
				FROM org o WHERE %s AND %s ORDER BY o.sort_order, o.id
				""".formatted(COLUMNS, reading.condition("c"), where, reading.condition("o")))).params(params)
				.query((rs, n) -> new OrgNode(map(rs, n), rs.getLong("child_count"))).list();
	}

	public long childCount(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT COUNT(*) FROM org c WHERE c.parent_id = :id AND " + reading.condition("c")))
				.param("id", id).query(Long.class).single();
	}

	/** From the root down to the parent of {@code id} (the breadcrumb), read off the path. */
	public List<Org> ancestors(long id) {
		Org org = get(id);
		List<Long> ids = idsOnPath(org.path());
		ids.remove(ids.size() - 1);
		if (ids.isEmpty()) {
			return List.of();
		}
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id IN (:ids) AND "
				+ reading.condition("o") + " ORDER BY o.depth")).param("ids", ids).query(Rows.of(Org.class)).list();
	}

	static List<Long> idsOnPath(String path) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < path.length(); i += Org.PATH_SEGMENT) {
			ids.add(Long.parseLong(path.substring(i, i + Org.PATH_SEGMENT)));
		}
		return ids;
	}

	public Subtree subtree(long id) {
		return Subtree.of(get(id));
	}

	/** Number of organisations at and below {@code id}. */
	public long subtreeSize(long id) {
		return subtreeSize(subtree(id));
	}

	/** Organisations of the subtree that the caller may see. */
	public long subtreeSize(Subtree subtree) {
		Scope reading = scope.reading();
		return reading.bind(subtree.bind(jdbc.sql("SELECT COUNT(*) FROM org st WHERE st.path >= :subtreeFrom AND st.path < :subtreeTo AND "
				+ reading.condition("st")))).query(Long.class).single();
	}

	/** Whether {@code orgId} lies at or below {@code subtree}'s root. */
	public boolean contains(Subtree subtree, long orgId) {
		return find(orgId).map(o -> subtree.contains(o.path())).orElse(false);
	}

	/**
	 * By code (exact or prefix) or by part of the name, shallow organisations first. Within
	 * {@code within} when it is given.
	 */
	public List<Org> search(String q, Subtree within, int limit) {
		String text = q == null ? "" : q.strip();
		if (text.isEmpty()) {
			return List.of();
		}
		String pattern = "%" + escapeLike(text) + "%";
		String prefix = escapeLike(text) + "%";
		String subtree = within == null ? "" : " AND o.path >= :subtreeFrom AND o.path < :subtreeTo";
		Scope reading = scope.reading();
		var spec = reading.bind(jdbc.sql("""
				SELECT %s FROM org o
				WHERE (o.code LIKE :prefix ESCAPE '\\' OR o.name LIKE :pattern ESCAPE '\\')%s AND %s
				ORDER BY CASE WHEN o.code = :text THEN 0 ELSE 1 END, o.depth, o.code
				FETCH FIRST %d ROWS ONLY
				""".formatted(COLUMNS, subtree, reading.condition("o"), Math.max(1, Math.min(limit, 500)))))
				.param("prefix", prefix).param("pattern", pattern).param("text", text);
		if (within != null) {
			within.bind(spec);
		}
		return spec.query(Rows.of(Org.class)).list();
	}

	static String escapeLike(String s) {
		return zeren.platform.Paged.escapeLike(s);
	}

	public record NewOrg(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
			@NotNull OrgType type, Long parentId, Integer sortOrder, Long disciplineBodyId) {
	}

	/** A new name (see {@link #rename}). */
	record Rename(@NotBlank @Size(max = 200) String name) {
	}

	@Transactional
	public Org create(NewOrg request) {
		List<InputError> errors = DeclaredChecks.errors(inputs, request);
		String code = request.code() == null ? "" : request.code().strip();
		String name = request.name() == null ? "" : request.name().strip();
		Org parent = null;
		if (request.parentId() != null) {
			parent = find(request.parentId()).orElse(null);
			if (parent == null) {
				errors.add(InputError.field("parentId", "error.org.parent-unknown", request.parentId()));
			}
			else if (parent.depth() + 1 >= MAX_DEPTH) {
				errors.add(InputError.field("parentId", "error.org.too-deep", MAX_DEPTH));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (parent == null ? !scope.isAdmin() : !scope.managing().contains(parent.path())) {
			throw new ForbiddenException();
		}
		if (loadByCode(code).isPresent()) {
			throw new ConflictException("code", "error.org.code-taken", code);
		}
		long id = jdbc.sql("SELECT " + database.nextValue("org_id_seq")).query(Long.class).single();
		String path = (parent == null ? "" : parent.path()) + Org.segment(id);
		var now = clock.now();
		try {
			jdbc.sql("""
					INSERT INTO org (id, code, name, type, parent_id, path, depth, sort_order, active, created_at, updated_at)
					VALUES (:id, :code, :name, :type, :parent, :path, :depth, :sort, TRUE, :now, :now)
					""").param("id", id).param("code", code).param("name", name).param("type", request.type().name())
					.param("parent", request.parentId()).param("path", path)
					.param("depth", parent == null ? 0 : parent.depth() + 1)
					.param("sort", request.sortOrder() == null ? 0 : request.sortOrder()).param("now", now).update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("code", "error.org.code-taken", code);
		}
		audit.record(new AuditTrail.Change(id, "org", id, "CREATE",
				"code=%s name=%s type=%s parent=%s".formatted(code, name, request.type(), request.parentId())));
		if (request.disciplineBodyId() != null) {
			linkDisciplineBody(id, request.disciplineBodyId());
		}
		return load(id).orElseThrow();
	}

	@Transactional
	public Org rename(long id, String newName) {
		inputs.check(new Rename(newName));
		String name = newName.strip();
		Org org = managed(id);
		jdbc.sql("UPDATE org SET name = :name, updated_at = :now WHERE id = :id").param("name", name)
				.param("now", clock.now()).param("id", id).update();
		audit.record(new AuditTrail.Change(id, "org", id, "RENAME", org.name() + " → " + name));
		return load(id).orElseThrow();
	}

	/**
	 * Moves {@code id} and everything below it under {@code newParentId}: one statement rewrites
	 * the paths of the subtree, O(subtree). Refuses to move a node under itself or its own
	 * descendant.
	 */
	@Transactional
	public Org move(long id, long newParentId) {
		Org org = lockedGet(id);
		requireManaging(org);
		Org parent = find(newParentId).orElseThrow(
				() -> new InvalidInputException(List.of(InputError.field("parentId", "error.org.parent-unknown", newParentId))));
		requireManaging(parent);
		return relocate(org, parent);
	}

	/** Moves {@code org} under {@code parent}, or makes it a root when {@code parent} is null. */
	Org relocate(Org org, Org parent) {
		if (parent != null && Subtree.of(org).contains(parent.path())) {
			throw new ConflictException("parentId", "error.org.move-cycle", org.code(), parent.code());
		}
		Long newParentId = parent == null ? null : parent.id();
		if (java.util.Objects.equals(org.parentId(), newParentId)) {
			return org;
		}
		String newPath = (parent == null ? "" : parent.path()) + Org.segment(org.id());
		int depthDelta = (parent == null ? 0 : parent.depth() + 1) - org.depth();
		Integer deepest = subtreeOf(org).bind(jdbc.sql("SELECT MAX(depth) FROM org st WHERE st.path >= :subtreeFrom AND st.path < :subtreeTo"))
				.query(Integer.class).single();
		if (deepest + depthDelta >= MAX_DEPTH) {
			throw new ConflictException("parentId", "error.org.too-deep", MAX_DEPTH);
		}
		var now = clock.now();
		subtreeOf(org).bind(jdbc.sql("""
				UPDATE org SET path = :newPrefix || SUBSTR(path, :cut), depth = depth + :delta, updated_at = :now
				WHERE path >= :subtreeFrom AND path < :subtreeTo
				""")).param("newPrefix", newPath).param("cut", org.path().length() + 1).param("delta", depthDelta)
				.param("now", now).update();
		jdbc.sql("UPDATE org SET parent_id = :parent WHERE id = :id").param("parent", newParentId)
				.param("id", org.id()).update();
		audit.record(new AuditTrail.Change(org.id(), "org", org.id(), "MOVE",
				"parent %s → %s".formatted(org.parentId(), newParentId)));
		return load(org.id()).orElseThrow();
	}

	private static Subtree subtreeOf(Org org) {
		return Subtree.of(org);
	}

	Org lockedGet(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org o WHERE o.id = :id FOR UPDATE").param("id", id).query(Rows.of(Org.class))
				.optional().orElseThrow(() -> new NotFoundException("org", id));
	}

	/** Deactivates an organisation; refused while it has active children. History is kept. */
	@Transactional
	public Org deactivate(long id) {
		Org org = lockedGet(id);
		requireManaging(org);
		long activeChildren = jdbc.sql("SELECT COUNT(*) FROM org WHERE parent_id = :id AND active = TRUE")
				.param("id", id).query(Long.class).single();
		if (activeChildren > 0) {
			throw new ConflictException("active", "error.org.has-active-children", activeChildren);
		}
		setActive(org.id(), false);
		audit.record(new AuditTrail.Change(id, "org", id, "DEACTIVATE", null));
		return load(id).orElseThrow();
	}

	@Transactional
	public Org reactivate(long id) {
		Org org = lockedGet(id);
		requireManaging(org);
		if (org.parentId() != null && !load(org.parentId()).orElseThrow().active()) {
			throw new ConflictException("active", "error.org.parent-inactive");
		}
		setActive(org.id(), true);
		audit.record(new AuditTrail.Change(id, "org", id, "REACTIVATE", null));
		return load(id).orElseThrow();
	}

	private void setActive(long id, boolean active) {
		jdbc.sql("UPDATE org SET active = :active, updated_at = :now WHERE id = :id").param("active", active)
				.param("now", clock.now()).param("id", id).update();
	}

	/** Links a Party committee to its discipline body: supervisory responsibility hangs on this link. */
	@Transactional
	public Org linkDisciplineBody(long committeeId, long bodyId) {
		Org committee = managed(committeeId);
		Org body = find(bodyId).orElseThrow(() -> new InvalidInputException(
				List.of(InputError.field("disciplineBodyId", "error.org.unknown", bodyId))));
		requireManaging(body);
		if (!committee.type().mayHaveDisciplineBody()) {
			throw InvalidInputException.of("type", "error.org.no-discipline-body", committee.type().chineseName());
		}
		if (!body.type().isDisciplineBody()) {
			throw InvalidInputException.of("disciplineBodyId", "error.org.not-discipline-body", body.name());
		}
		jdbc.sql("UPDATE org SET discipline_body_id = :body, updated_at = :now WHERE id = :id").param("body", bodyId)
				.param("now", clock.now()).param("id", committeeId).update();
		audit.record(new AuditTrail.Change(committeeId, "org", committeeId, "LINK_DISCIPLINE_BODY", "body=" + bodyId));
		return load(committeeId).orElseThrow();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM org").query(Long.class).single();
	}
}
