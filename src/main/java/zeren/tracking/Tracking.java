package zeren.tracking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Post;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.Rows;
import zeren.platform.Scope;
import zeren.tracking.Move.Action;
import zeren.tracking.TrackedItem.Status;

/**
 * What the modules track (the command side for them; people move items through
 * {@link TrackedItemMoves}): a module opens an item for something of its own — a ledger task, a
 * rectification, an interview's requirement, a query on a report — one item per (kind, source
 * reference), and revises it when its source changes.
 */
@Service
@Transactional(readOnly = true)
public class Tracking {

	static final int MAX_TITLE = 2000;
	static final int MAX_REF = 64;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Validator validator;
	private final History history;
	private final TrackedItems items;
	private final OrgTree tree;
	private final Leadership leadership;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final BusinessClock clock;

	Tracking(JdbcClient jdbc, JdbcTemplate template, Validator validator, History history, TrackedItems items, OrgTree tree,
			Leadership leadership, CurrentScope scope, AuditTrail audit, BusinessClock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.validator = validator;
		this.history = history;
		this.items = items;
		this.tree = tree;
		this.leadership = leadership;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts tracking something: OPEN. The caller needs a working grant over the organisation or
	 * over the verifier organisation (an upper level opening a rectification for the level below).
	 * One item per (kind, sourceRef): a second is refused (409).
	 */
	@Transactional
	public TrackedItem open(NewTrackedItem request) {
		if (request == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		Org org = tree.get(request.orgId());
		Org verifierOrg = tree.find(request.verifierOrgId()).orElse(null);
		Scope acting = scope.acting();
		if (!acting.contains(org.path()) && (verifierOrg == null || !acting.contains(verifierOrg.path()))) {
			throw new ForbiddenException();
		}
		// what the request declares, and what only the tree can tell, reported at once
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(request)));
		String kind = checkKind(request.kind(), errors);
		if (verifierOrg == null) {
			errors.add(InputError.field("verifierOrgId", "error.tracking.verifier-org-unknown", request.verifierOrgId()));
		}
		checkPost(request.ownerPostId(), org.id(), "ownerPostId", errors);
		if (verifierOrg != null) {
			checkPost(request.verifierPostId(), verifierOrg.id(), "verifierPostId", errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String ref = request.sourceRef().strip();
		String title = request.title().strip();
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM tracked_item WHERE kind = :kind AND source_ref = :ref")
				.param("kind", kind).param("ref", ref).query(Long.class).single() > 0;
		if (exists) {
			throw new ConflictException("sourceRef", "error.tracking.duplicate-source", kind, ref);
		}
		OffsetDateTime now = clock.now();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_post_id,
				                          verifier_org_id, deadline, status, created_at, updated_at)
				VALUES (:kind, :ref, :org, :year, :title, :owner, :vpost, :vorg, :deadline, 'OPEN', :now, :now)
				""").param("kind", kind).param("ref", ref).param("org", org.id())
				.param("year", request.deadline().getYear()).param("title", title).param("owner", request.ownerPostId())
				.param("vpost", request.verifierPostId()).param("vorg", request.verifierOrgId())
				.param("deadline", request.deadline()).param("now", now).update(keys, "id");
		long id = keys.getKey().longValue();
		history.record(id, org.id(), Action.OPEN, null, Status.OPEN, null,
				"kind=%s ref=%s deadline=%s title=%s".formatted(kind, ref, request.deadline(), title));
		return items.get(id);
	}

	/**
	 * Opens many items at once (a list published to many organisations), skipping those whose
	 * (kind, sourceRef) is tracked already; one audit event per organisation. No scope check:
	 * for a module tracking what its own, already authorised, change produced. Input must be
	 * valid (posts of their organisations, a deadline): it is the module's own data.
	 *
	 * @return the ids of the items opened, by source reference
	 */
	@Transactional
	public Map<String, Long> openAll(Collection<NewTrackedItem> requests) {
		if (requests.isEmpty()) {
			return Map.of();
		}
		String kind = null;
		for (NewTrackedItem r : requests) {
			if (kind != null && !kind.equals(r.kind())) {
				throw new IllegalArgumentException("one kind per call");
			}
			kind = r.kind();
		}
		checkKind(kind, new ArrayList<>());
		Set<String> known = new HashSet<>();
		List<String> refs = requests.stream().map(NewTrackedItem::sourceRef).distinct().toList();
		for (int i = 0; i < refs.size(); i += 1000) {
			known.addAll(jdbc.sql("SELECT source_ref FROM tracked_item WHERE kind = :kind AND source_ref IN (:refs)")
					.param("kind", kind).param("refs", refs.subList(i, Math.min(refs.size(), i + 1000)))
					.query(String.class).list());
		}
		OffsetDateTime now = clock.now();
		String user = CurrentUser.actor();
		List<NewTrackedItem> fresh = requests.stream().filter(r -> known.add(r.sourceRef())).toList();
		if (fresh.isEmpty()) {
			return Map.of();
		}
		template.batchUpdate("""
				INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_post_id,
				                          verifier_org_id, deadline, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
				""", fresh, 1000, (ps, r) -> {
			ps.setString(1, r.kind());
			ps.setString(2, r.sourceRef());
			ps.setLong(3, r.orgId());
			ps.setInt(4, r.deadline().getYear());
			ps.setString(5, truncate(r.title(), MAX_TITLE));
			ps.setObject(6, r.ownerPostId());
			ps.setObject(7, r.verifierPostId());
			ps.setLong(8, r.verifierOrgId());
			ps.setObject(9, r.deadline());
			ps.setObject(10, now);
			ps.setObject(11, now);
		});
		record Opened(long id, String sourceRef) {
		}
		Map<String, Long> opened = new HashMap<>();
		for (int i = 0; i < fresh.size(); i += 1000) {
			jdbc.sql("SELECT id, source_ref FROM tracked_item WHERE kind = :kind AND source_ref IN (:refs)").param("kind", kind)
					.param("refs", fresh.subList(i, Math.min(fresh.size(), i + 1000)).stream().map(NewTrackedItem::sourceRef).toList())
					.query(Rows.of(Opened.class)).list().forEach(o -> opened.put(o.sourceRef(), o.id()));
		}
		List<Object[]> moves = opened.values().stream().map(id -> new Object[] { id, user, now }).toList();
		template.batchUpdate("INSERT INTO tracked_move (item_id, action, from_status, to_status, username, moved_at) VALUES (?, 'OPEN', NULL, 'OPEN', ?, ?)",
				moves);
		Map<Long, Integer> perOrg = new HashMap<>();
		fresh.forEach(r -> perOrg.merge(r.orgId(), 1, Integer::sum));
		String k = kind;
		perOrg.forEach((orgId, n) -> audit.record(new AuditTrail.Change(orgId, "tracked-item", null, "OPEN",
				"kind=%s items=%d".formatted(k, n))));
		return opened;
	}

	/**
	 * Changes what an item that is not closed says (its source changed: an amended list): title,
	 * owner, verifier, deadline. Closed items keep what they were closed as. No scope check (see
	 * {@link #openAll}). Audited when something changed.
	 *
	 * @return whether the item changed
	 */
	@Transactional
	public boolean revise(NewTrackedItem request) {
		Optional<Long> id = jdbc.sql("SELECT id FROM tracked_item WHERE kind = :kind AND source_ref = :ref AND status <> 'CLOSED' FOR UPDATE")
				.param("kind", request.kind()).param("ref", request.sourceRef()).query(Long.class).optional();
		if (id.isEmpty()) {
			return false;
		}
		int changed = jdbc.sql("""
				UPDATE tracked_item SET title = :title, owner_post_id = :owner, verifier_post_id = :vpost,
				       verifier_org_id = :vorg, deadline = :deadline, item_year = :year, updated_at = :now
				WHERE id = :id AND (title <> :title OR COALESCE(owner_post_id, -1) <> COALESCE(:owner, -1) OR verifier_org_id <> :vorg
				       OR deadline <> :deadline OR COALESCE(verifier_post_id, -1) <> COALESCE(:vpost, -1))
				""").param("title", truncate(request.title(), MAX_TITLE)).param("owner", request.ownerPostId())
				.param("vpost", request.verifierPostId()).param("vorg", request.verifierOrgId())
				.param("deadline", request.deadline()).param("year", request.deadline().getYear())
				.param("now", clock.now()).param("id", id.get()).update();
		if (changed > 0) {
			audit.record(new AuditTrail.Change(request.orgId(), "tracked-item", id.get(), "REVISE",
					"kind=%s ref=%s deadline=%s title=%s".formatted(request.kind(), request.sourceRef(),
							request.deadline(), request.title())));
		}
		return changed > 0;
	}

	// ---- input --------------------------------------------------------------------------------

	private static String checkKind(String kind, List<InputError> errors) {
		String k = kind == null ? "" : kind.strip();
		if (!k.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)*") || k.length() > 64) {
			errors.add(InputError.field("kind", "error.tracking.kind-invalid"));
		}
		return k;
	}

	/** A post given must be one of the organisation's (a missing one is the request's own constraint). */
	private void checkPost(Long postId, long orgId, String field, List<InputError> errors) {
		if (postId == null) {
			return;
		}
		boolean ofOrg = leadership.posts(orgId).stream().map(Post::id).anyMatch(id -> id.longValue() == postId);
		if (!ofOrg) {
			errors.add(InputError.field(field, "error.tracking.post-not-of-org", postId, orgId));
		}
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
