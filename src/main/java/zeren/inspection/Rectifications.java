package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.org.Leadership;
import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.ForbiddenException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Paged;
import zeren.platform.Rows;
import zeren.tracking.NewTrackedItem;
import zeren.tracking.TrackedItem.Warning;
import zeren.tracking.TrackedItem;
import zeren.tracking.TrackedItems;
import zeren.tracking.Tracking;
import zeren.tracking.TrackingFilter;

/**
 * Rectifications (限期整改) of findings, each a tracked item: the inspecting organisation sets
 * the problem list, the measures, the deadline and the responsible post; the inspected
 * organisation records its progress with evidence and submits on the tracked item; the
 * inspecting organisation (its verifier) returns or closes (销号) it. No state of its own: the
 * state machine is the tracking module's.
 */
@Service
@Transactional(readOnly = true)
public class Rectifications {

	/** The tracked-item kind of a rectification. */
	public static final String KIND = "inspection.rectification";

	private final JdbcClient jdbc;
	private final Inspections inspections;
	private final Findings findings;
	private final Leadership leadership;
	private final TrackedItems items;
	private final Tracking tracking;
	private final BusinessClock clock;
	private final AuditTrail audit;
	private final Validator validator;

	Rectifications(JdbcClient jdbc, Inspections inspections, Findings findings, Leadership leadership,
			TrackedItems items, Tracking tracking, BusinessClock clock, AuditTrail audit,
			Validator validator) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.findings = findings;
		this.leadership = leadership;
		this.items = items;
		this.tracking = tracking;
		this.clock = clock;
		this.audit = audit;
		this.validator = validator;
	}

	/** What the inspecting organisation requires: the problems, the measures, by when, and who answers for it. */
	public record RectificationInput(@NotBlank @Size(max = 4000) String problems,
			@NotBlank @Size(max = 4000) String measures, @NotNull LocalDate deadline, Long responsiblePostId) {
	}

	private record FindingHead(long id, long inspectionId, long orgId, long inspectingOrgId, String description) {
	}

	private FindingHead findingHead(long findingId) {
		return jdbc.sql("""
				SELECT f.id, f.inspection_id, f.org_id, i.org_id AS inspecting_org_id, f.description
				FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id WHERE f.id = :id
				""").param("id", findingId).query(Rows.of(FindingHead.class)).optional().orElseThrow(() -> new NotFoundException("inspection-finding", findingId));
	}

	/**
	 * Orders the rectification of a finding: 404 when the finding does not exist, 403 unless the
	 * caller supervises the inspecting organisation, 409 when the finding has one already.
	 */
	@Transactional
	public Rectification assign(long findingId, RectificationInput in) {
		FindingHead f = findingHead(findingId);
		if (!inspections.supervises(f.inspectingOrgId())) {
			findings.get(findingId); // out of view: 404, as for a finding that does not exist
			throw new ForbiddenException();
		}
		if (exists(findingId)) {
			throw new ConflictException("findingId", "error.inspection.rectification-exists", findingId);
		}
		List<InputError> errors = new ArrayList<>(Inputs.errors(validator.validate(in)));
		LocalDate today = clock.today();
		if (in.deadline() != null && in.deadline().isBefore(today)) {
			errors.add(InputError.field("deadline", "error.inspection.deadline-past", today));
		}
		Long postId = in.responsiblePostId();
		if (postId == null) {
			// the first post the finding names answers for it, when the request names none
			postId = findings.get(findingId).responsiblePosts().stream().map(Finding.ResponsiblePost::postId).findFirst()
					.orElse(null);
		}
		if (postId == null) {
			errors.add(InputError.field("responsiblePostId", "error.inspection.responsible-post-required"));
		}
		else {
			long id = postId;
			if (leadership.posts(f.orgId()).stream().noneMatch(p -> p.id() == id)) {
				errors.add(InputError.field("responsiblePostId", "error.inspection.post-not-of-org", postId));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String problems = in.problems().strip();
		String measures = in.measures().strip();
		String title = "整改：" + f.description();
		TrackedItem item = tracking.open(new NewTrackedItem(KIND, String.valueOf(findingId), f.orgId(),
				title.length() > 2000 ? title.substring(0, 2000) : title, postId, null, f.inspectingOrgId(),
				in.deadline()));
		jdbc.sql("""
				INSERT INTO inspection_rectification (finding_id, tracked_item_id, problems, measures, responsible_post_id,
				                                      deadline, created_at)
				VALUES (:finding, :item, :problems, :measures, :post, :deadline, :now)
				""").param("finding", findingId).param("item", item.id()).param("problems", problems)
				.param("measures", measures).param("post", postId).param("deadline", in.deadline())
				.param("now", clock.now()).update();
		audit.record(new AuditTrail.Change(f.orgId(), "inspection-rectification", findingId, "ASSIGN",
				"item=%d post=%d deadline=%s measures=%s".formatted(item.id(), postId, in.deadline(), measures)));
		return get(findingId);
	}

	private boolean exists(long findingId) {
		return jdbc.sql("SELECT COUNT(*) FROM inspection_rectification WHERE finding_id = :id").param("id", findingId)
				.query(Long.class).single() > 0;
	}

	/** 404 when the finding does not exist, 403 unless the caller supervises its inspecting organisation. */
	public void requireAssignable(long findingId) {
		if (!inspections.supervises(findingHead(findingId).inspectingOrgId())) {
			findings.get(findingId); // out of view: 404, as for a finding that does not exist
			throw new ForbiddenException();
		}
	}

	private record Row(long findingId, String description, long orgId, String orgName, long inspectingOrgId,
			long itemId, String problems, String measures, long postId, String postTitle, LocalDate deadline,
			OffsetDateTime createdAt) {
	}

	private static final String ROW_SQL = """
			SELECT r.finding_id, f.description, f.org_id, o.name AS org_name, i.org_id AS inspecting_org_id,
			       r.tracked_item_id AS item_id, r.problems, r.measures, r.responsible_post_id AS post_id,
			       p.title AS post_title, r.deadline, r.created_at
			FROM inspection_rectification r JOIN inspection_finding f ON f.id = r.finding_id
			JOIN inspection i ON i.id = f.inspection_id JOIN org o ON o.id = f.org_id
			JOIN post p ON p.id = r.responsible_post_id
			""";

	private List<Row> rows(String where, Map<String, Object> params) {
		return jdbc.sql(ROW_SQL + where).params(params).query(Rows.of(Row.class)).list();
	}

	private static Rectification of(Row r, TrackedItem item) {
		return new Rectification(r.findingId(), r.description(), r.orgId(), r.orgName(), r.inspectingOrgId(),
				r.problems(), r.measures(), r.postId(), r.postTitle(), item.deadline(), r.createdAt(), item);
	}

	/** The rectification of a finding the caller sees (404 when there is none). */
	public Rectification get(long findingId) {
		findings.get(findingId);
		Row row = rows("WHERE r.finding_id = :id", Map.of("id", findingId)).stream().findFirst()
				.orElseThrow(() -> new NotFoundException("inspection-rectification", findingId));
		return of(row, items.get(row.itemId()));
	}

	/** The rectification of a finding the caller sees, if it has one. */
	public java.util.Optional<Rectification> find(long findingId) {
		findings.get(findingId);
		return exists(findingId) ? java.util.Optional.of(get(findingId)) : java.util.Optional.empty();
	}

	/** Where a rectification stands on a day: the board's columns, each a warning colour of its tracked item. */
	public enum Column {
		OPEN(Warning.BLUE), DUE_SOON(Warning.YELLOW), OVERDUE(Warning.RED), CLOSED(Warning.NONE);

		private final Warning warning;

		Column(Warning warning) {
			this.warning = warning;
		}

		/** The column named in a request; null when none is named, 400 naming the field when it is unknown. */
		public static Column of(String name) {
			if (name == null || name.isBlank()) {
				return null;
			}
			for (Column c : values()) {
				if (c.name().equals(name.strip())) {
					return c;
				}
			}
			throw InvalidInputException.of("column", "error.inspection.board-column-unknown", name.strip());
		}
	}

	/** The most rectifications a column of the board carries; the rest are read a page at a time ({@link #column}). */
	public static final int BOARD_COLUMN_ROWS = 50;

	/**
	 * The rectification board of an organisation and its subtree for a year on {@code today}: each
	 * column its most urgent {@link #BOARD_COLUMN_ROWS} (the nearest deadline first), {@code counts}
	 * how many the column has in all, {@code total} the rectifications of every column.
	 */
	public record Board(long orgId, int year, LocalDate today, Map<Column, List<Rectification>> columns,
			Map<Column, Long> counts, int columnRows, long total) {
	}

	/**
	 * The rectifications owned at and below {@code orgId} with a deadline in {@code year}, as the
	 * caller sees them (through the tracked items' scope), sorted into open, due soon (yellow),
	 * overdue (red) and closed on {@code today} by the tracking module's warning rule, in SQL: every
	 * column counted, its first {@link #BOARD_COLUMN_ROWS} rows read.
	 */
	public Board board(long orgId, int year, LocalDate today) {
		Map<Warning, Paged<TrackedItem>> tracked = items.firstByWarning(orgId, year, KIND, today, BOARD_COLUMN_ROWS);
		Map<Column, List<Rectification>> columns = new EnumMap<>(Column.class);
		Map<Column, Long> counts = new EnumMap<>(Column.class);
		long total = 0;
		Map<Long, Row> byItem = rowsOf(tracked.values().stream().flatMap(p -> p.items().stream()).toList());
		for (Column c : Column.values()) {
			Paged<TrackedItem> page = tracked.get(c.warning);
			columns.put(c, rectifications(page.items(), byItem));
			counts.put(c, page.total());
			total += page.total();
		}
		return new Board(orgId, year, today, columns, counts, BOARD_COLUMN_ROWS, total);
	}

	/**
	 * One page of a column of the board ({@code column} null: every rectification of the board),
	 * in the board's order, paged and counted in the database.
	 */
	public Paged<Rectification> column(long orgId, int year, Column column, LocalDate today, int page, int size) {
		Paged<TrackedItem> tracked = items.page(orgId, year,
				new TrackingFilter(KIND, null, column == null ? null : column.warning, null), today, page, size);
		return new Paged<>(rectifications(tracked.items(), rowsOf(tracked.items())), page, size, tracked.total());
	}

	private Map<Long, Row> rowsOf(List<TrackedItem> tracked) {
		Map<Long, Row> byItem = new HashMap<>();
		List<Long> ids = tracked.stream().map(TrackedItem::id).toList();
		// a thousand ids a statement (an export reads a whole column)
		for (int i = 0; i < ids.size(); i += 1000) {
			rows("WHERE r.tracked_item_id IN (:ids)", Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 1000))))
					.forEach(r -> byItem.put(r.itemId(), r));
		}
		return byItem;
	}

	private static List<Rectification> rectifications(List<TrackedItem> tracked, Map<Long, Row> byItem) {
		List<Rectification> list = new ArrayList<>();
		for (TrackedItem item : tracked) {
			Row row = byItem.get(item.id());
			if (row != null) {
				list.add(of(row, item));
			}
		}
		return list;
	}
}
