package zeren.evidence;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.platform.BusinessClock;
import zeren.platform.CurrentUser;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;

/**
 * Evidence files attached to the things of other modules — a tracked item's entry, an interview
 * record, an annual report, an inspection finding — through one link table ({@code
 * evidence_link}: owner type, owner id, evidence, position). Files keep the order they were
 * attached in. A link never disappears by a cascade; an owner whose attachments freeze (a
 * submitted report) registers an {@link AttachmentLock}, asked before any of its links changes.
 *
 * <p>No scope check here: the owning module has checked the caller may see (or change) the
 * owner, and so its files (a verifier of another organisation sees the evidence of the items
 * they verify).
 */
@Service
@Transactional(readOnly = true)
public class Attachments {

	/** What files are attached to: one thing of a module, by its type ("report") and its id. */
	public record Owner(String type, long id) {

		public Owner {
			if (type == null || !type.matches("[a-z][a-z-]{0,31}")) {
				throw new IllegalArgumentException("owner type: lower-case letters and '-', at most 32: " + type);
			}
		}
	}

	/** A file attached by a call, and whether that call attached it ({@code false}: it was attached already). */
	public record Attached(Evidence evidence, boolean added) {
	}

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final EvidenceFiles files;
	private final BusinessClock clock;
	private final Map<String, AttachmentLock> locks;

	Attachments(JdbcClient jdbc, EvidenceFiles files, BusinessClock clock, List<AttachmentLock> locks) {
		this.jdbc = jdbc;
		this.files = files;
		this.clock = clock;
		this.locks = locks.stream().collect(Collectors.toMap(AttachmentLock::ownerType, Function.identity()));
	}

	/**
	 * Stores a file as evidence of the organisation (checked by content, see
	 * {@link EvidenceFiles#store}) and attaches it to the owner after its other files. A frozen
	 * owner is refused before the file is read; a refused file leaves nothing.
	 */
	@Transactional
	public Attached store(Owner owner, long orgId, String name, InputStream content) {
		requireOpen(owner);
		Evidence stored = files.store(orgId, name, content);
		return new Attached(stored, link(owner, stored.id()));
	}

	/**
	 * Attaches files already stored, in the order given, after the owner's other files; those
	 * attached already stay where they are. The caller has checked they may attach them (whose
	 * organisation they belong to).
	 *
	 * @return the ids this call attached
	 */
	@Transactional
	public List<Long> attach(Owner owner, Collection<Long> evidenceIds) {
		requireOpen(owner);
		List<Long> added = new ArrayList<>();
		for (Long evidenceId : evidenceIds) {
			if (link(owner, evidenceId)) {
				added.add(evidenceId);
			}
		}
		return added;
	}

	/** Removes a file from the owner (the file itself is kept). @return whether it was attached */
	@Transactional
	public boolean detach(Owner owner, long evidenceId) {
		requireOpen(owner);
		return jdbc.sql("DELETE FROM evidence_link WHERE owner_type = :type AND owner_id = :owner AND evidence_id = :ev")
				.param("type", owner.type()).param("owner", owner.id()).param("ev", evidenceId).update() > 0;
	}

	private void requireOpen(Owner owner) {
		AttachmentLock lock = locks.get(owner.type());
		if (lock != null) {
			lock.requireOpen(owner.id());
		}
	}

	/** Links at the end of the owner's files unless linked already; a concurrent equal link is no error. */
	private boolean link(Owner owner, long evidenceId) {
		return jdbc.sql("""
				INSERT INTO evidence_link (owner_type, owner_id, evidence_id, position, added_by, added_at)
				SELECT :type, :owner, :ev, COALESCE(MAX(position), 0) + 1, :user, :now
				FROM evidence_link WHERE owner_type = :type AND owner_id = :owner
				ON CONFLICT DO NOTHING
				""").param("type", owner.type()).param("owner", owner.id()).param("ev", evidenceId)
				.param("user", CurrentUser.actor()).param("now", clock.now()).update() > 0;
	}

	/** The files of an owner, in the order attached. */
	public List<Evidence> of(Owner owner) {
		return of(owner.type(), List.of(owner.id())).getOrDefault(owner.id(), List.of());
	}

	/** The files of many owners of a type, each in the order attached; owners without files are left out. */
	public Map<Long, List<Evidence>> of(String ownerType, Collection<Long> ownerIds) {
		record Link(long ownerId, long evidenceId) {
		}
		List<Long> ids = ownerIds.stream().distinct().toList();
		List<Link> links = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			links.addAll(jdbc.sql("""
					SELECT owner_id, evidence_id FROM evidence_link WHERE owner_type = :type AND owner_id IN (:owners)
					ORDER BY owner_id, position, evidence_id
					""").param("type", ownerType).param("owners", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
					.query(Rows.of(Link.class)).list());
		}
		Map<Long, Evidence> described = new HashMap<>();
		List<Long> evidenceIds = links.stream().map(Link::evidenceId).distinct().toList();
		for (int i = 0; i < evidenceIds.size(); i += CHUNK) {
			files.describe(evidenceIds.subList(i, Math.min(evidenceIds.size(), i + CHUNK)))
					.forEach(e -> described.put(e.id(), e));
		}
		Map<Long, List<Evidence>> byOwner = new LinkedHashMap<>();
		links.forEach(l -> byOwner.computeIfAbsent(l.ownerId(), k -> new ArrayList<>()).add(described.get(l.evidenceId())));
		return byOwner;
	}

	/** A file of the owner, to send under its original name; 404 when it is not attached to this owner. */
	public Download open(Owner owner, long evidenceId) {
		boolean attached = jdbc.sql("SELECT COUNT(*) FROM evidence_link WHERE owner_type = :type AND owner_id = :owner AND evidence_id = :ev")
				.param("type", owner.type()).param("owner", owner.id()).param("ev", evidenceId).query(Long.class)
				.single() > 0;
		if (!attached) {
			throw new NotFoundException("evidence", evidenceId);
		}
		return files.openAttached(evidenceId);
	}
}
