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
 * with the posts held then and the posts held now.
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
	 */
	record Incident(Org org, Long upperOrgId, Org upper, Long inChargePostId, LocalDate periodFrom,
			LocalDate periodTo, Org disciplineBody) {

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
			out.add(new ProposedParty(c.personId, c.personId == null ? null : c.name, c.orgId,
					c.orgId == null ? null : c.name, c.responsibility(), List.copyOf(c.grounds), reason.apply(c.grounds),
					now, retired, row == null ? Disposition.PENDING : row.disposition(),
					row == null ? null : row.dispositionReason(), row == null ? null : row.id()));
		}
		// parties confirmed or dropped earlier whose grounds no longer appear (e.g. a tenure corrected since)
		for (CaseRecords.PartyRow row : byKey.values()) {
			out.add(new ProposedParty(row.personId(), row.personId() == null ? null : row.name(), row.partyOrgId(),
					row.partyOrgId() == null ? null : row.name(), row.responsibility(), List.of(), row.grounds(),
					List.of(), false, row.disposition(), row.dispositionReason(), row.id()));
		}
		out.sort(Comparator.comparing(ProposedParty::responsibility)
				.thenComparing(p -> p.personId() == null ? 0 : 1).thenComparing(ProposedParty::name));
		return out;
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
