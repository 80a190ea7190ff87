package zeren.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.org.Leadership.TenureEntry;
import zeren.org.Org;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;

/**
 * Dual investigation (一案双查), as a pure function of the tenures over the incident period: who is
 * proposed as a party, with which grade of responsibility (2019 Accountability Regulations, Art.
 * 6) and on which grounds. The service loads the tenures and stores the dispositions; the rules
 * live here.
 *
 * <ul>
 * <li>the people directly responsible, entered by the investigators: direct responsibility;
 * <li>the organisation's leadership team: full leadership responsibility;
 * <li>its principal (the secretary) and the member in charge of the area (分管): principal
 * leadership responsibility;
 * <li>its other team members: important leadership responsibility;
 * <li>the principal of its discipline body: supervisory responsibility;
 * <li>when a situation concerns lower committees, the upper committee's team and leaders as well.
 * </ul>
 *
 * People since transferred, promoted or retired are proposed all the same (倒查, 终身问责), each
 * with the posts held then, the posts held now and where that is ({@link ProposedParty.Whereabouts}).
 * When the case cites a trigger of retrospective tracing (the source's last sentence: 不正之风长期滋生
 * 蔓延, 屡屡出现重大腐败问题, 系统性、区域性、长期性腐败问题而不制止、不查处、不报告), the principal, the
 * discipline principal and the discipline body of the period carry it as the grounds of their pursuit.
 */
final class DualInvestigation {

	private DualInvestigation() {
	}

	/**
	 * The case as the proposer reads it.
	 *
	 * @param org the organisation where the incident happened
	 * @param upperOrgId the upper committee when a situation concerns lower committees (else null)
	 * @param upper the upper committee as the caller sees it (null when not visible): its team is proposed
	 * @param inChargePostId the post in charge of the area (分管), if the case names one
	 * @param disciplineBody the organisation's linked discipline body as the caller sees it (null when none or not
	 *        visible): proposed as an organisation party for its supervisory responsibility (监督责任)
	 * @param triggers the retrospective triggers (倒查) the case cites: each pursues the principal, the
	 *        discipline principal and the discipline body of the period, wherever they are now
	 */
	record Incident(Org org, Long upperOrgId, Org upper, Long inChargePostId, LocalDate periodFrom,
			LocalDate periodTo, Org disciplineBody, List<ProposedParty.Trigger> triggers) {

		/** A case that cites no trigger of retrospective tracing. */
		Incident(Org org, Long upperOrgId, Org upper, Long inChargePostId, LocalDate periodFrom, LocalDate periodTo,
				Org disciplineBody) {
			this(org, upperOrgId, upper, inChargePostId, periodFrom, periodTo, disciplineBody, List.of());
		}

		/** The organisations whose tenures over the period count: the organisation, its discipline body, the upper committee. */
		Set<Long> orgIds() {
			Set<Long> ids = new LinkedHashSet<>();
			ids.add(org.id());
			if (org.disciplineBodyId() != null) {
				ids.add(org.disciplineBodyId());
			}
			if (upperOrgId != null) {
				ids.add(upperOrgId);
			}
			return ids;
		}
	}

	/**
	 * The proposed parties, ordered by grade of responsibility, organisations before people, then by
	 * name.
	 *
	 * @param stored the parties stored so far (entered, confirmed or dropped): the people directly
	 * responsible come from here, and every stored party keeps its disposition
	 * @param tenuresDuring the tenures of posts of {@link Incident#orgIds()} over the incident period
	 * @param careers the whole careers of the people asked for (one call for all of them)
	 * @param today the day that says which posts are held "now"
	 * @param reason the grounds as a sentence, in the reader's language
	 */
	static List<ProposedParty> propose(Incident incident, List<CaseRecords.PartyRow> stored,
			List<TenureEntry> tenuresDuring, Function<List<Long>, List<TenureEntry>> careers, LocalDate today,
			Function<List<ProposedParty.Ground>, String> reason) {
		Map<String, Candidate> candidates = candidates(incident, stored, tenuresDuring);
		List<Long> personIds = candidates.values().stream().map(c -> c.personId).filter(Objects::nonNull).toList();
		Map<Long, List<TenureEntry>> careerOf = new HashMap<>();
		for (TenureEntry e : personIds.isEmpty() ? List.<TenureEntry>of() : careers.apply(personIds)) {
			careerOf.computeIfAbsent(e.person().id(), k -> new ArrayList<>()).add(e);
		}
		Map<String, CaseRecords.PartyRow> byKey = new HashMap<>();
		stored.forEach(row -> byKey.put(key(row.personId(), row.partyOrgId()), row));
		List<ProposedParty> out = new ArrayList<>();
		for (Candidate c : candidates.values()) {
			List<TenureEntry> career = c.personId == null ? List.of() : careerOf.getOrDefault(c.personId, List.of());
			List<ProposedParty.PostNow> now = postsNow(career, today);
			boolean retired = c.personId != null && now.isEmpty() && retiredLast(career);
			CaseRecords.PartyRow row = byKey.remove(key(c.personId, c.orgId));
			boolean pursued = c.grounds.stream().anyMatch(g -> RETROSPECTIVE_ROLES.contains(g.role()));
			out.add(new ProposedParty(c.personId, c.personId == null ? null : c.name, c.orgId,
					c.orgId == null ? null : c.name, c.responsibility(), List.copyOf(c.grounds), reason.apply(c.grounds),
					now, retired, c.personId == null ? null : whereabouts(c.grounds, career, retired, today),
					pursued ? incident.triggers() : List.of(), row == null ? Disposition.PENDING : row.disposition(),
					row == null ? null : row.dispositionReason(), row == null ? null : row.id()));
		}
		// parties confirmed or dropped earlier whose grounds no longer appear (e.g. a tenure corrected since)
		for (CaseRecords.PartyRow row : byKey.values()) {
			out.add(new ProposedParty(row.personId(), row.personId() == null ? null : row.name(), row.partyOrgId(),
					row.partyOrgId() == null ? null : row.name(), row.responsibility(), List.of(), row.grounds(),
					List.of(), false, null, List.of(), row.disposition(), row.dispositionReason(), row.id()));
		}
		out.sort(Comparator.comparing(ProposedParty::responsibility)
				.thenComparing(p -> p.personId() == null ? 0 : 1).thenComparing(ProposedParty::name));
		return out;
	}

	/**
	 * The roles a retrospective trigger pursues: the principal (主要负责人) for the principal
	 * responsibility, the discipline principal and the discipline body for the supervisory one.
	 */
	static final Set<String> RETROSPECTIVE_ROLES = Set.of("principal", "discipline", "discipline-body");

	/**
	 * Where a leader of the period is now: still in a post of the period; retired; promoted when a
	 * tenure of the period ended by promotion or a post held today is higher in the tree than the
	 * posts held then; transferred when it ended by transfer or another post is held today. Null for
	 * a person with no post of the period (entered only).
	 */
	static ProposedParty.Whereabouts whereabouts(List<ProposedParty.Ground> grounds, List<TenureEntry> career,
			boolean retired, LocalDate today) {
		List<ProposedParty.Ground> held = grounds.stream().filter(g -> g.postId() != null).toList();
		if (held.isEmpty()) {
			return null;
		}
		if (held.stream().anyMatch(g -> g.tenureEnd() == null || !g.tenureEnd().isBefore(today))) {
			return ProposedParty.Whereabouts.IN_POST;
		}
		if (retired) {
			return ProposedParty.Whereabouts.RETIRED;
		}
		ProposedParty.Ground last = held.stream().max(Comparator.comparing(ProposedParty.Ground::tenureEnd)).orElseThrow();
		Set<Long> postsThen = new LinkedHashSet<>();
		held.forEach(g -> postsThen.add(g.postId()));
		int levelThen = career.stream().filter(e -> postsThen.contains(e.post().id())).mapToInt(e -> level(e.org()))
				.min().orElse(Integer.MAX_VALUE);
		List<TenureEntry> holdingNow = career.stream().filter(e -> e.tenure().covers(today)).toList();
		if (last.endReason() == Tenure.EndReason.PROMOTION
				|| holdingNow.stream().anyMatch(e -> level(e.org()) < levelThen)) {
			return ProposedParty.Whereabouts.PROMOTED;
		}
		if (last.endReason() == Tenure.EndReason.TRANSFER || !holdingNow.isEmpty()) {
			return ProposedParty.Whereabouts.TRANSFERRED;
		}
		return ProposedParty.Whereabouts.LEFT;
	}

	/**
	 * The level of an organisation in the hierarchy: its depth in the tree, a discipline body
	 * counted at the level of the committee it sits under (a county's 纪委 is a county body).
	 */
	static int level(Org org) {
		return org.type().isDisciplineBody() ? org.depth() - 1 : org.depth();
	}

	/** How a party is told apart: a person by their id, an organisation by its id. */
	static String key(Long personId, Long orgId) {
		return personId != null ? "person:" + personId : "org:" + orgId;
	}

	/** A party in the making: everything that makes them responsible, one ground each. */
	private static final class Candidate {
		final Long personId;
		final Long orgId;
		final String name;
		final List<ProposedParty.Ground> grounds = new ArrayList<>();

		Candidate(Long personId, Long orgId, String name) {
			this.personId = personId;
			this.orgId = orgId;
			this.name = name;
		}

		/** The heaviest grade among the grounds. */
		Responsibility responsibility() {
			return grounds.stream().map(ProposedParty.Ground::responsibility).min(Comparator.naturalOrder()).orElseThrow();
		}
	}

	private static Map<String, Candidate> candidates(Incident incident, List<CaseRecords.PartyRow> stored,
			List<TenureEntry> tenuresDuring) {
		Org org = incident.org();
		LocalDate from = incident.periodFrom();
		LocalDate to = incident.periodTo();
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		for (CaseRecords.PartyRow row : stored) {
			if (row.responsibility() == Responsibility.DIRECT && row.personId() != null) {
				candidate(candidates, row.personId(), null, row.name()).grounds.add(new ProposedParty.Ground(
						Responsibility.DIRECT, "entered", null, null, null, null, null, from, to, null, null, null));
			}
		}
		candidate(candidates, null, org.id(), org.name()).grounds.add(new ProposedParty.Ground(
				Responsibility.FULL_LEADERSHIP, "team", null, null, null, org.id(), org.name(), from, to, null, null, null));
		Org body = incident.disciplineBody();
		if (body != null) {
			// 一案双查: the discipline body answers for supervision (监督责任) beside its secretary
			candidate(candidates, null, body.id(), body.name()).grounds.add(new ProposedParty.Ground(
					Responsibility.SUPERVISORY, "discipline-body", null, null, null, body.id(), body.name(), from, to, null,
					null, null));
		}
		Org upper = incident.upper();
		if (incident.upperOrgId() != null && upper != null) {
			candidate(candidates, null, upper.id(), upper.name()).grounds.add(new ProposedParty.Ground(
					Responsibility.FULL_LEADERSHIP, "upper-team", null, null, null, upper.id(), upper.name(), from, to,
					null, null, null));
		}
		for (TenureEntry t : tenuresDuring) {
			String role = role(t.post(), org.id(), org.disciplineBodyId(), incident.upperOrgId(),
					incident.inChargePostId());
			if (role == null) {
				continue;
			}
			Tenure tenure = t.tenure();
			LocalDate heldFrom = max(tenure.startDate(), from);
			LocalDate heldTo = tenure.endDate() == null ? to : min(tenure.endDate(), to);
			candidate(candidates, t.person().id(), null, t.person().name()).grounds.add(new ProposedParty.Ground(
					responsibility(role), role, t.post().id(), t.post().title(), t.post().kind(), t.org().id(),
					t.org().name(), heldFrom, heldTo, tenure.startDate(), tenure.endDate(), tenure.endReason()));
		}
		return candidates;
	}

	private static Candidate candidate(Map<String, Candidate> candidates, Long personId, Long orgId, String name) {
		return candidates.computeIfAbsent(key(personId, orgId), k -> new Candidate(personId, orgId, name));
	}

	/**
	 * The role a post played in the case, or null when it carries no responsibility here: the
	 * organisation's secretary is its principal, the post named in charge of the area shares
	 * principal leadership, its discipline secretary and the discipline body's head answer for
	 * supervision, the other deputies and members took part in its decisions; the upper
	 * committee's secretary and members likewise when the failure concerns lower committees.
	 */
	static String role(Post post, long orgId, Long disciplineBodyId, Long upperOrgId, Long inChargePostId) {
		PostKind kind = post.kind();
		if (post.orgId() == orgId) {
			if (kind == PostKind.SECRETARY) {
				return "principal";
			}
			if (inChargePostId != null && post.id() == inChargePostId) {
				return "in-charge";
			}
			if (kind == PostKind.DISCIPLINE_SECRETARY) {
				return "discipline";
			}
			return kind == PostKind.DEPUTY_SECRETARY || kind == PostKind.MEMBER ? "member" : null;
		}
		if (disciplineBodyId != null && post.orgId() == disciplineBodyId) {
			// the discipline body's principal: its 纪委书记 (or the head post of the body itself)
			return kind == PostKind.DISCIPLINE_SECRETARY || kind == PostKind.SECRETARY ? "discipline" : null;
		}
		if (upperOrgId != null && post.orgId() == upperOrgId) {
			if (kind == PostKind.SECRETARY) {
				return "upper-principal";
			}
			return kind == PostKind.DEPUTY_SECRETARY || kind == PostKind.MEMBER ? "upper-member" : null;
		}
		return null;
	}

	/** Art. 6: the grade of responsibility a role carries. */
	static Responsibility responsibility(String role) {
		return switch (role) {
			case "principal", "in-charge", "upper-principal" -> Responsibility.PRINCIPAL_LEADERSHIP;
			case "discipline" -> Responsibility.SUPERVISORY;
			default -> Responsibility.IMPORTANT_LEADERSHIP;
		};
	}

	/** The posts a career holds on {@code today}. */
	private static List<ProposedParty.PostNow> postsNow(List<TenureEntry> career, LocalDate today) {
		List<ProposedParty.PostNow> now = new ArrayList<>();
		for (TenureEntry e : career) {
			if (e.tenure().covers(today)) {
				now.add(new ProposedParty.PostNow(e.post().id(), e.post().title(), e.org().id(), e.org().name(),
						e.tenure().startDate()));
			}
		}
		return now;
	}

	/** The last tenure that ended, ended in retirement. */
	private static boolean retiredLast(List<TenureEntry> career) {
		return career.stream().filter(e -> e.tenure().endDate() != null)
				.max(Comparator.comparing((TenureEntry e) -> e.tenure().endDate()))
				.map(e -> e.tenure().endReason() == Tenure.EndReason.RETIREMENT).orElse(false);
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}
}
