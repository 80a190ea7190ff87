package zeren.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.org.Leadership.TenureEntry;
import zeren.org.Org;
import zeren.org.OrgType;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;

/** The 一案双查 proposer on its own: tenures in, parties with grades and grounds out. No Spring, no database. */
class DualInvestigationTest {

	static final LocalDate FROM = LocalDate.of(2020, 1, 1);
	static final LocalDate TO = LocalDate.of(2022, 12, 31);
	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	final Org city = org(1, "市委", null, null);
	final Org body = org(3, "县纪委", 2L, null);
	final Org county = org(2, "县委", 1L, 3L);
	final Org otherCounty = org(4, "乙县委", 1L, null);

	final Post secretary = post(20, county, "县委书记", PostKind.SECRETARY);
	final Post deputy = post(21, county, "常务副县长", PostKind.MEMBER);
	final Post propaganda = post(22, county, "宣传部长", PostKind.MEMBER);
	final Post liaison = post(23, county, "联络员", PostKind.LIAISON);
	final Post countyDiscipline = post(24, county, "县纪委书记（常委）", PostKind.DISCIPLINE_SECRETARY);
	final Post bodySecretary = post(30, body, "纪委书记", PostKind.DISCIPLINE_SECRETARY);
	final Post bodyClerk = post(31, body, "纪委委员", PostKind.MEMBER);
	final Post citySecretary = post(10, city, "市委书记", PostKind.SECRETARY);
	final Post cityMember = post(11, city, "市委常委", PostKind.MEMBER);
	final Post otherSecretary = post(40, otherCounty, "乙县委书记", PostKind.SECRETARY);

	final Person moved = person(100, "调任书记");
	final Person retired = person(101, "退休书记");
	final Person inCharge = person(102, "分管副县长");
	final Person member = person(103, "宣传部长");
	final Person clerk = person(104, "联络员");
	final Person supervisor = person(105, "纪委书记");
	final Person mayor = person(106, "市委书记");
	final Person direct = person(107, "直接责任人");

	final List<TenureEntry> tenures = new ArrayList<>();
	final List<TenureEntry> careers = new ArrayList<>();
	final List<List<Long>> careersAskedFor = new ArrayList<>();

	/** A county's case over 2020–2022, the deputy in charge of the area; no situation concerning lower committees. */
	DualInvestigation.Incident incident() {
		return new DualInvestigation.Incident(county, null, null, deputy.id(), FROM, TO, null);
	}

	List<ProposedParty> propose(DualInvestigation.Incident incident, List<CaseRecords.PartyRow> stored) {
		return DualInvestigation.propose(incident, stored, tenures, ids -> {
			careersAskedFor.add(ids);
			return careers.stream().filter(e -> ids.contains(e.person().id())).toList();
		}, TODAY, grounds -> grounds.stream().map(g -> g.role() + "@" + g.orgName()).toList().toString());
	}

	ProposedParty of(List<ProposedParty> proposals, Person person) {
		return proposals.stream().filter(p -> Long.valueOf(person.id()).equals(p.personId())).findFirst()
				.orElseThrow(() -> new AssertionError(person.name() + " not proposed"));
	}

	@Test
	void the_discipline_body_itself_is_proposed_for_supervisory_responsibility_beside_its_secretary() {
		tenures.add(held(supervisor, bodySecretary, LocalDate.of(2019, 1, 1), null, null));
		List<ProposedParty> proposals = propose(new DualInvestigation.Incident(county, null, null, deputy.id(), FROM, TO, body),
				List.of());
		ProposedParty organ = proposals.stream().filter(p -> Long.valueOf(body.id()).equals(p.orgId())).findFirst().orElseThrow();
		assertThat(organ.personId()).isNull();
		assertThat(organ.responsibility()).isEqualTo(Responsibility.SUPERVISORY);
		assertThat(organ.grounds()).singleElement().satisfies(g -> assertThat(g.role()).isEqualTo("discipline-body"));
		assertThat(of(proposals, supervisor).responsibility()).isEqualTo(Responsibility.SUPERVISORY);
		// the committee's team answers for its collective responsibility, the body for supervision: both proposed
		assertThat(proposals).filteredOn(p -> p.personId() == null).extracting(ProposedParty::orgId)
				.contains(county.id(), body.id());
	}

	@Test
	void a_secretary_transferred_since_is_proposed_for_principal_leadership_with_the_post_then_and_the_post_now() {
		TenureEntry then = held(moved, secretary, LocalDate.of(2018, 1, 1), LocalDate.of(2021, 6, 30),
				Tenure.EndReason.TRANSFER);
		tenures.add(then);
		careers.add(then);
		careers.add(held(moved, otherSecretary, LocalDate.of(2021, 7, 1), null, null));

		ProposedParty p = of(propose(incident(), List.of()), moved);

		assertThat(p.responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(p.grounds()).singleElement().satisfies(g -> {
			assertThat(g.role()).isEqualTo("principal");
			assertThat(g.postTitle()).isEqualTo("县委书记");
			assertThat(g.heldFrom()).as("the part of the tenure inside the period").isEqualTo(FROM);
			assertThat(g.heldTo()).isEqualTo(LocalDate.of(2021, 6, 30));
			assertThat(g.tenureStart()).isEqualTo(LocalDate.of(2018, 1, 1));
			assertThat(g.endReason()).isEqualTo(Tenure.EndReason.TRANSFER);
		});
		assertThat(p.postsNow()).extracting(ProposedParty.PostNow::postTitle, ProposedParty.PostNow::orgName)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("乙县委书记", "乙县委"));
		assertThat(p.retired()).isFalse();
		assertThat(p.reason()).isEqualTo("[principal@县委]");
		assertThat(p.disposition()).isEqualTo(Disposition.PENDING);
	}

	@Test
	void a_secretary_retired_since_is_proposed_all_the_same_and_marked_retired() {
		TenureEntry then = held(retired, secretary, LocalDate.of(2021, 7, 1), LocalDate.of(2023, 3, 31),
				Tenure.EndReason.RETIREMENT);
		tenures.add(then);
		careers.add(then);

		ProposedParty p = of(propose(incident(), List.of()), retired);

		assertThat(p.responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(p.grounds().get(0).heldFrom()).isEqualTo(LocalDate.of(2021, 7, 1));
		assertThat(p.grounds().get(0).heldTo()).as("clipped to the period").isEqualTo(TO);
		assertThat(p.postsNow()).isEmpty();
		assertThat(p.retired()).isTrue();
	}

	@Test
	void a_person_without_a_post_today_whose_last_tenure_ended_otherwise_is_not_called_retired() {
		TenureEntry then = held(member, propaganda, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 2, 29),
				Tenure.EndReason.PROMOTION);
		tenures.add(then);
		careers.add(then);

		ProposedParty p = of(propose(incident(), List.of()), member);

		assertThat(p.postsNow()).isEmpty();
		assertThat(p.retired()).isFalse();
	}

	@Test
	void the_member_in_charge_of_the_area_shares_principal_leadership_and_the_other_members_carry_important_leadership() {
		tenures.add(held(inCharge, deputy, LocalDate.of(2019, 3, 1), null, null));
		tenures.add(held(member, propaganda, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 2, 29), Tenure.EndReason.PROMOTION));

		List<ProposedParty> proposals = propose(incident(), List.of());

		assertThat(of(proposals, inCharge).responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(of(proposals, inCharge).grounds().get(0).role()).isEqualTo("in-charge");
		assertThat(of(proposals, member).responsibility()).isEqualTo(Responsibility.IMPORTANT_LEADERSHIP);
		assertThat(of(proposals, member).grounds().get(0).role()).isEqualTo("member");
		assertThat(of(proposals, member).grounds().get(0).heldTo()).isEqualTo(LocalDate.of(2020, 2, 29));
	}

	@Test
	void the_principal_of_the_discipline_body_answers_for_supervision_and_its_other_members_are_not_proposed() {
		tenures.add(held(supervisor, bodySecretary, LocalDate.of(2017, 1, 1), null, null));
		tenures.add(held(clerk, bodyClerk, LocalDate.of(2017, 1, 1), null, null));

		List<ProposedParty> proposals = propose(incident(), List.of());

		assertThat(of(proposals, supervisor).responsibility()).isEqualTo(Responsibility.SUPERVISORY);
		assertThat(of(proposals, supervisor).grounds().get(0).role()).isEqualTo("discipline");
		assertThat(proposals).noneMatch(p -> Long.valueOf(clerk.id()).equals(p.personId()));
	}

	@Test
	void a_post_that_carries_no_responsibility_proposes_nobody() {
		tenures.add(held(clerk, liaison, LocalDate.of(2019, 1, 1), null, null));

		assertThat(propose(incident(), List.of())).noneMatch(p -> p.personId() != null);
	}

	@Test
	void the_leadership_team_is_proposed_as_an_organisation_with_full_leadership_and_the_upper_committee_is_not() {
		tenures.add(held(mayor, citySecretary, LocalDate.of(2019, 1, 1), null, null));

		List<ProposedParty> proposals = propose(incident(), List.of());

		assertThat(proposals).filteredOn(p -> p.orgId() != null).singleElement().satisfies(p -> {
			assertThat(p.orgId()).isEqualTo(county.id());
			assertThat(p.name()).isEqualTo("县委");
			assertThat(p.responsibility()).isEqualTo(Responsibility.FULL_LEADERSHIP);
			assertThat(p.grounds().get(0).role()).isEqualTo("team");
		});
		assertThat(proposals).noneMatch(p -> Long.valueOf(mayor.id()).equals(p.personId()));
		assertThat(incident().orgIds()).containsExactly(county.id(), body.id());
	}

	@Test
	void a_situation_concerning_lower_committees_proposes_the_upper_team_its_secretary_and_its_members() {
		tenures.add(held(mayor, citySecretary, LocalDate.of(2019, 1, 1), null, null));
		tenures.add(held(member, cityMember, LocalDate.of(2019, 1, 1), null, null));
		var incident = new DualInvestigation.Incident(county, city.id(), city, deputy.id(), FROM, TO, null);

		List<ProposedParty> proposals = propose(incident, List.of());

		assertThat(incident.orgIds()).containsExactly(county.id(), body.id(), city.id());
		assertThat(of(proposals, mayor).responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(of(proposals, mayor).grounds().get(0).role()).isEqualTo("upper-principal");
		assertThat(of(proposals, member).responsibility()).isEqualTo(Responsibility.IMPORTANT_LEADERSHIP);
		assertThat(of(proposals, member).grounds().get(0).role()).isEqualTo("upper-member");
		assertThat(proposals).filteredOn(p -> p.orgId() != null).extracting(ProposedParty::orgId)
				.containsExactly(county.id(), city.id());
	}

	@Test
	void an_upper_committee_the_caller_does_not_see_is_not_proposed_as_a_team_but_its_leaders_are() {
		tenures.add(held(mayor, citySecretary, LocalDate.of(2019, 1, 1), null, null));
		var incident = new DualInvestigation.Incident(county, city.id(), null, null, FROM, TO, null);

		List<ProposedParty> proposals = propose(incident, List.of());

		assertThat(proposals).filteredOn(p -> p.orgId() != null).extracting(ProposedParty::orgId)
				.containsExactly(county.id());
		assertThat(of(proposals, mayor).grounds().get(0).role()).isEqualTo("upper-principal");
	}

	@Test
	void the_person_directly_responsible_comes_from_the_investigators_and_one_person_in_two_roles_is_one_party() {
		tenures.add(held(inCharge, deputy, LocalDate.of(2019, 3, 1), null, null));
		var entered = row(1, inCharge, Responsibility.DIRECT, Disposition.PENDING);
		var enteredOnly = row(2, direct, Responsibility.DIRECT, Disposition.PENDING);

		List<ProposedParty> proposals = propose(incident(), List.of(entered, enteredOnly));

		assertThat(of(proposals, direct).responsibility()).isEqualTo(Responsibility.DIRECT);
		assertThat(of(proposals, direct).grounds()).extracting(ProposedParty.Ground::role).containsExactly("entered");
		ProposedParty both = of(proposals, inCharge);
		assertThat(both.grounds()).extracting(ProposedParty.Ground::role).containsExactly("entered", "in-charge");
		assertThat(both.responsibility()).as("the heavier grade").isEqualTo(Responsibility.DIRECT);
		assertThat(both.partyId()).isEqualTo(1L);
	}

	@Test
	void a_stored_party_keeps_its_disposition_and_one_whose_grounds_are_gone_is_still_listed() {
		tenures.add(held(moved, secretary, LocalDate.of(2018, 1, 1), null, null));
		var confirmed = row(7, moved, Responsibility.PRINCIPAL_LEADERSHIP, Disposition.CONFIRMED);
		// a party confirmed on a tenure corrected since: no ground left, but the decision made stays visible
		var orphan = row(8, member, Responsibility.IMPORTANT_LEADERSHIP, Disposition.DROPPED);

		List<ProposedParty> proposals = propose(incident(), List.of(confirmed, orphan));

		assertThat(of(proposals, moved).disposition()).isEqualTo(Disposition.CONFIRMED);
		assertThat(of(proposals, moved).dispositionReason()).isEqualTo("调查认定");
		assertThat(of(proposals, moved).partyId()).isEqualTo(7L);
		ProposedParty gone = of(proposals, member);
		assertThat(gone.grounds()).isEmpty();
		assertThat(gone.reason()).as("the grounds stored with it").isEqualTo("stored grounds");
		assertThat(gone.disposition()).isEqualTo(Disposition.DROPPED);
	}

	@Test
	void the_parties_come_by_grade_organisations_first_and_the_careers_are_asked_for_once() {
		tenures.add(held(member, propaganda, LocalDate.of(2016, 1, 1), null, null));
		tenures.add(held(supervisor, bodySecretary, LocalDate.of(2017, 1, 1), null, null));
		tenures.add(held(moved, secretary, LocalDate.of(2018, 1, 1), null, null));
		tenures.add(held(clerk, liaison, LocalDate.of(2019, 1, 1), null, null));

		List<ProposedParty> proposals = propose(incident(), List.of(row(1, direct, Responsibility.DIRECT,
				Disposition.PENDING)));

		assertThat(proposals).extracting(ProposedParty::responsibility).containsExactly(Responsibility.DIRECT,
				Responsibility.PRINCIPAL_LEADERSHIP, Responsibility.SUPERVISORY, Responsibility.IMPORTANT_LEADERSHIP,
				Responsibility.FULL_LEADERSHIP);
		assertThat(careersAskedFor).singleElement().satisfies(ids -> assertThat(ids)
				.containsExactlyInAnyOrder(direct.id(), member.id(), supervisor.id(), moved.id()));
	}

	@Test
	void the_roles_of_the_posts_read_like_the_regulation() {
		long county = this.county.id();
		Long body = this.body.id();
		assertThat(DualInvestigation.role(secretary, county, body, null, null)).isEqualTo("principal");
		assertThat(DualInvestigation.role(deputy, county, body, null, deputy.id())).isEqualTo("in-charge");
		assertThat(DualInvestigation.role(deputy, county, body, null, null)).isEqualTo("member");
		assertThat(DualInvestigation.role(countyDiscipline, county, body, null, null)).isEqualTo("discipline");
		assertThat(DualInvestigation.role(liaison, county, body, null, null)).isNull();
		assertThat(DualInvestigation.role(citySecretary, county, body, null, null)).isNull();
		assertThat(DualInvestigation.role(citySecretary, county, body, city.id(), null)).isEqualTo("upper-principal");
		assertThat(DualInvestigation.responsibility("in-charge")).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(DualInvestigation.responsibility("discipline")).isEqualTo(Responsibility.SUPERVISORY);
		assertThat(DualInvestigation.responsibility("upper-member")).isEqualTo(Responsibility.IMPORTANT_LEADERSHIP);
	}

	@Test
	void where_a_leader_of_the_period_is_now_is_told_from_how_the_tenure_ended_and_the_posts_held_today() {
		// transferred to the other county's secretary
		TenureEntry movedThen = held(moved, secretary, LocalDate.of(2018, 1, 1), LocalDate.of(2021, 6, 30), Tenure.EndReason.TRANSFER);
		// promoted, the new post out of the caller's view
		TenureEntry memberThen = held(member, propaganda, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 2, 29), Tenure.EndReason.PROMOTION);
		// left "otherwise", but holds a post of the city now: higher in the tree
		TenureEntry inChargeThen = held(inCharge, deputy, LocalDate.of(2019, 1, 1), LocalDate.of(2022, 1, 31), Tenure.EndReason.OTHER);
		TenureEntry supervisorNow = held(supervisor, countyDiscipline, LocalDate.of(2019, 1, 1), null, null);
		TenureEntry retiredThen = held(retired, secretary, LocalDate.of(2021, 7, 1), LocalDate.of(2023, 3, 31), Tenure.EndReason.RETIREMENT);
		TenureEntry clerkThen = held(mayor, bodySecretary, LocalDate.of(2019, 1, 1), LocalDate.of(2022, 3, 31), Tenure.EndReason.OTHER);
		tenures.addAll(List.of(movedThen, memberThen, inChargeThen, supervisorNow, retiredThen, clerkThen));
		careers.addAll(tenures);
		careers.add(held(moved, otherSecretary, LocalDate.of(2021, 7, 1), null, null));
		careers.add(held(inCharge, cityMember, LocalDate.of(2022, 2, 1), null, null));

		List<ProposedParty> proposals = propose(incident(), List.of(row(9, direct, Responsibility.DIRECT, Disposition.PENDING)));

		assertThat(of(proposals, moved).whereNow()).isEqualTo(ProposedParty.Whereabouts.TRANSFERRED);
		assertThat(of(proposals, member).whereNow()).isEqualTo(ProposedParty.Whereabouts.PROMOTED);
		assertThat(of(proposals, member).postsNow()).isEmpty();
		assertThat(of(proposals, inCharge).whereNow()).isEqualTo(ProposedParty.Whereabouts.PROMOTED);
		assertThat(of(proposals, supervisor).whereNow()).isEqualTo(ProposedParty.Whereabouts.IN_POST);
		assertThat(of(proposals, retired).whereNow()).isEqualTo(ProposedParty.Whereabouts.RETIRED);
		assertThat(of(proposals, mayor).whereNow()).isEqualTo(ProposedParty.Whereabouts.LEFT);
		assertThat(of(proposals, direct).whereNow()).as("entered, no post of the period").isNull();
		assertThat(proposals).filteredOn(p -> p.orgId() != null).allMatch(p -> p.whereNow() == null);
	}

	@Test
	void a_retrospective_trigger_is_carried_by_the_principal_the_discipline_principal_and_the_discipline_body_only() {
		tenures.add(held(moved, secretary, LocalDate.of(2018, 1, 1), LocalDate.of(2021, 6, 30), Tenure.EndReason.TRANSFER));
		tenures.add(held(supervisor, bodySecretary, LocalDate.of(2019, 1, 1), null, null));
		tenures.add(held(member, propaganda, LocalDate.of(2016, 1, 1), null, null));
		var trigger = new ProposedParty.Trigger("S13", "发生系统性、区域性、长期性腐败问题而不制止、不查处、不报告的");
		var incident = new DualInvestigation.Incident(county, null, null, null, FROM, TO, body, List.of(trigger));

		List<ProposedParty> proposals = propose(incident, List.of());

		assertThat(of(proposals, moved).triggers()).containsExactly(trigger);
		assertThat(of(proposals, supervisor).triggers()).containsExactly(trigger);
		assertThat(of(proposals, member).triggers()).isEmpty();
		assertThat(proposals).filteredOn(p -> Long.valueOf(body.id()).equals(p.orgId())).singleElement()
				.satisfies(p -> assertThat(p.triggers()).containsExactly(trigger));
		assertThat(proposals).filteredOn(p -> Long.valueOf(county.id()).equals(p.orgId())).singleElement()
				.satisfies(p -> assertThat(p.triggers()).isEmpty());
		// without the trigger nobody carries one
		assertThat(propose(new DualInvestigation.Incident(county, null, null, null, FROM, TO, body), List.of()))
				.allMatch(p -> p.triggers().isEmpty());
	}

	// ---- the world, by hand ---------------------------------------------------------------------

	static Org org(long id, String name, Long parentId, Long disciplineBodyId) {
		OrgType type = name.contains("纪委") ? OrgType.DISCIPLINE_COMMISSION : OrgType.PARTY_COMMITTEE;
		return new Org(id, "c" + id, name, type, parentId, parentId == null ? 0 : 1, 0, true, disciplineBodyId,
				"p" + id);
	}

	static Post post(long id, Org org, String title, PostKind kind) {
		return new Post(id, org.id(), title, kind, List.of(), 0, true);
	}

	static Person person(long id, String name) {
		return new Person(id, name, null, null, null, null);
	}

	TenureEntry held(Person person, Post post, LocalDate from, LocalDate to, Tenure.EndReason reason) {
		Org org = List.of(city, county, body, otherCounty).stream().filter(o -> o.id() == post.orgId()).findFirst()
				.orElseThrow();
		return new TenureEntry(new Tenure(person.id() * 1000 + post.id(), person.id(), post.id(), from, to, reason), post,
				org, person);
	}

	static CaseRecords.PartyRow row(long id, Person person, Responsibility responsibility, Disposition disposition) {
		return new CaseRecords.PartyRow(id, 1, person.id(), null, person.name(), responsibility, disposition,
				"stored grounds", disposition == Disposition.PENDING ? null : "调查认定", null, null, null, null);
	}
}
