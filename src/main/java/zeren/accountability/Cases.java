package zeren.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityCase.Status;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.Subtree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * Reading accountability cases: a case, the cases of a subtree, the parties dual investigation
 * proposes, and whether the caller may work them. Reads follow the caller's reading scope (404
 * outside it). The procedure's changes are {@link CaseProcedure}'s (registration to report) and
 * {@link CaseDecisions}' (decisions, execution, filing, appeals).
 */
@Service
@Transactional(readOnly = true)
public class Cases {

	private final JdbcClient jdbc;
	private final OrgTree tree;
	private final Leadership leadership;
	private final BusinessClock clock;
	private final CurrentScope scope;
	private final MessageSource messages;
	private final CaseRecords records;
	private final Deadlines deadlines;

	Cases(JdbcClient jdbc, OrgTree tree, Leadership leadership, BusinessClock clock, CurrentScope scope,
			MessageSource messages, CaseRecords records, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.leadership = leadership;
		this.clock = clock;
		this.scope = scope;
		this.messages = messages;
		this.records = records;
		this.deadlines = deadlines;
	}

	public Deadlines deadlines() {
		return deadlines;
	}

	/** A case with its parties and steps, if the caller may see its organisation; 404 otherwise. */
	public AccountabilityCase get(long id) {
		return records.assemble(visibleHead(id));
	}

	/** One row of the case list. */
	public record Summary(long id, long orgId, String orgName, String title, Origin origin, Status status,
			LocalDate registeredOn, LocalDate periodFrom, LocalDate periodTo, long confirmedParties,
			boolean dualInvestigation) {
	}

	/** The case list's columns and tables; its WHERE binds the subtree, :first and :last. */
	private static final String SUMMARY_FROM = """
			SELECT c.id, c.org_id, o.name AS org_name, c.title, c.origin, c.status, c.registered_on, c.period_from,
			       c.period_to,
			       (SELECT COUNT(*) FROM acc_party p WHERE p.case_id = c.id AND p.disposition = 'CONFIRMED')
			         AS confirmed_parties,
			       %s AS dual_investigation
			FROM acc_case c JOIN org o ON o.id = c.org_id""".formatted(CaseRecords.DUAL_INVESTIGATION);

	private static String inYearWithin(Scope reading) {
		return " WHERE o.path >= :subtreeFrom AND o.path < :subtreeTo AND " + reading.condition("o")
				+ " AND c.registered_on >= :first AND c.registered_on <= :last";
	}

	/** The orders of the case list (its 排序 choices). */
	public enum CaseSort {
		/** The latest registered first. */
		RECENT("c.registered_on DESC, c.id DESC"),
		/** By the organisation, as the tree orders them. */
		ORG("o.path, c.registered_on DESC, c.id DESC"),
		/** By title. */
		TITLE("c.title, c.id");

		private final String orderBy;

		CaseSort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The sort named on a page, the latest first when none or unknown. */
		public static CaseSort of(String name) {
			return zeren.platform.Paged.choice(CaseSort.class, name, RECENT);
		}
	}

	/**
	 * One page of the cases of the subtree of {@code orgId} registered in {@code year} (in the
	 * caller's view) whose title contains {@code q}, in a status (its name; blank: all): searched,
	 * sorted, paged and counted in the database. The one query of the list: the page, its export,
	 * the API and the other modules' choices read it.
	 */
	public zeren.platform.Paged<Summary> page(long orgId, int year, String q, String status, CaseSort sort, int page,
			int size) {
		Subtree subtree = tree.subtree(orgId);
		Scope reading = scope.reading();
		String text = q == null ? "" : q.strip();
		Status chosen = zeren.platform.Paged.choice(Status.class, status, null);
		String where = inYearWithin(reading) + (text.isEmpty() ? "" : " AND c.title LIKE :pattern ESCAPE '\\'")
				+ (chosen == null ? "" : " AND c.status = :status");
		var count = jdbc.sql("SELECT COUNT(*) FROM acc_case c JOIN org o ON o.id = c.org_id" + where);
		var rows = jdbc.sql(SUMMARY_FROM + where + " ORDER BY " + (sort == null ? CaseSort.RECENT : sort).orderBy
				+ " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
				.param("offset", zeren.platform.Paged.offset(page, size)).param("size", size);
		for (var spec : List.of(count, rows)) {
			reading.bind(subtree.bind(spec)).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31));
			if (!text.isEmpty()) {
				spec.param("pattern", zeren.platform.Paged.containing(text));
			}
			if (chosen != null) {
				spec.param("status", chosen.name());
			}
		}
		long total = count.query(Long.class).single();
		return new zeren.platform.Paged<>(rows.query(Rows.of(Summary.class)).list(), page, size, total);
	}

	/** Whether the caller may work this case (DISCIPLINE or ADMIN over its organisation). */
	public boolean canWork(AccountabilityCase c) {
		return tree.find(c.orgId()).map(o -> scope.supervising().contains(path(o.id()))).orElse(false);
	}

	/** Whether the caller may open cases in this organisation. */
	public boolean canOpenIn(long orgId) {
		return scope.supervising().contains(path(orgId));
	}

	private String path(long orgId) {
		return jdbc.sql("SELECT path FROM org WHERE id = :id").param("id", orgId).query(String.class).optional()
				.orElse("");
	}

	CaseRecords.Head visibleHead(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql(CaseRecords.HEAD_SELECT + " WHERE c.id = :id AND " + reading.condition("o")))
				.param("id", id).query(Rows.of(CaseRecords.Head.class)).optional()
				.orElseThrow(() -> new NotFoundException("accountability-case", id));
	}

	// ---- dual investigation (一案双查) ----------------------------------------------------------

	/**
	 * The parties dual investigation proposes from the tenures over the incident period
	 * ({@link DualInvestigation}), with where each person is now and what the investigators made
	 * of them so far. Two queries in all for the tenures, however many people.
	 */
	public List<ProposedParty> proposals(long caseId) {
		return propose(visibleHead(caseId));
	}

	List<ProposedParty> propose(CaseRecords.Head head) {
		Org org = tree.get(head.orgId());
		List<Situations.Situation> cited = records.situations(head.id());
		boolean concernsLower = cited.stream().anyMatch(Situations.Situation::concernsLower);
		Long upperId = concernsLower ? org.parentId() : null;
		var incident = new DualInvestigation.Incident(org, upperId,
				upperId == null ? null : tree.find(upperId).orElse(null), head.inChargePostId(), head.periodFrom(),
				head.periodTo(), org.disciplineBodyId() == null ? null : tree.find(org.disciplineBodyId()).orElse(null),
				cited.stream().filter(Situations.Situation::retrospective)
						.map(s -> new ProposedParty.Trigger(s.code(), s.name())).toList());
		Locale locale = LocaleContextHolder.getLocale();
		return DualInvestigation.propose(incident, records.partyRows(head.id()),
				leadership.tenuresDuring(incident.orgIds(), head.periodFrom(), head.periodTo()), leadership::careers,
				clock.today(), grounds -> reason(grounds, locale));
	}

	/**
	 * The grounds of a proposal as they are stored once it is confirmed or dropped: the sentence of
	 * its grounds and, when a retrospective trigger pursues it, the trigger.
	 */
	String storedGrounds(ProposedParty proposal, Locale locale) {
		if (proposal.grounds().isEmpty()) {
			return proposal.reason();
		}
		String grounds = reason(proposal.grounds(), locale);
		if (proposal.triggers().isEmpty()) {
			return grounds;
		}
		String triggers = String.join("、", proposal.triggers().stream().map(ProposedParty.Trigger::name).toList());
		return grounds + messages.getMessage("accountability.ground.retrospective", new Object[] { triggers }, locale);
	}

	/** The grounds as one sentence: role, organisation, post, tenure and the part of it inside the period. */
	String reason(List<ProposedParty.Ground> grounds, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (ProposedParty.Ground g : grounds) {
			String role = messages.getMessage("accountability.role." + g.role(), null, g.role(), locale);
			if (g.postId() == null) {
				parts.add(messages.getMessage("accountability.ground.plain", new Object[] { role,
						g.orgName() == null ? "" : g.orgName(), g.heldFrom().toString(), g.heldTo().toString() }, locale));
			}
			else {
				String end = g.tenureEnd() == null ? messages.getMessage("accountability.ground.now", null, locale)
						: g.tenureEnd().toString();
				parts.add(messages.getMessage("accountability.ground.post", new Object[] { role, g.orgName(), g.postTitle(),
						g.tenureStart().toString(), end, g.heldFrom().toString(), g.heldTo().toString() }, locale));
			}
		}
		return String.join("; ", parts);
	}
}
