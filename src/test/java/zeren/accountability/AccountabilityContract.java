package zeren.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.accountability.AccountabilityCase.AppealOutcome;
import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityCase.Party;
import zeren.accountability.AccountabilityCase.Responsibility;
import zeren.accountability.AccountabilityCase.Status;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;
import zeren.platform.ConflictException;
import zeren.platform.InvalidInputException;
import zeren.support.ApiTest;
import zeren.support.SettableClock;

abstract class AccountabilityContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	Cases cases;

	@Autowired
	CaseProcedure procedure;

	@Autowired
	CaseDecisions decisions;

	@Autowired
	Situations situations;

	@Autowired
	IntegrityFiles integrityFiles;

	@Autowired
	AccountabilityStatistics statistics;

	@Autowired
	SettableClock clock;

	@Autowired
	zeren.tracking.TrackedItems trackedItems;

	@Autowired
	zeren.tracking.TrackedItemMoves moves;

	@Autowired
	CaseHistory history;

	@Autowired
	zeren.interview.InterviewRecords interviews;

	@Autowired
	zeren.inspection.Inspections inspections;

	@Autowired
	zeren.inspection.Findings findings;

	@Autowired
	zeren.inspection.Notices notices;

	@Autowired
	zeren.duty.LetterManagement letterManagement;

	@Autowired
	zeren.duty.ResponsibilityLetters letters;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	static final LocalDate FROM = LocalDate.of(2020, 1, 1);
	static final LocalDate TO = LocalDate.of(2022, 12, 31);

	/** A city with county X (and its discipline commission) and county Y, and the people of X's history. */
	class World {
		final String p = unique();
		final Org city = tree.create(new OrgTree.NewOrg(p + "c", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		final Org x = tree.create(new OrgTree.NewOrg(p + "x", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		final Org y = tree.create(new OrgTree.NewOrg(p + "y", p + "乙县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		final Org body = tree.create(new OrgTree.NewOrg(p + "xd", p + "甲县纪委", OrgType.DISCIPLINE_COMMISSION, x.id(), null, null));
		final Post citySecretary = post(city, "市委书记", PostKind.SECRETARY);
		final Post secretary = post(x, "县委书记", PostKind.SECRETARY);
		final Post deputy = post(x, "常务副县长", PostKind.MEMBER, "财政", "民生");
		final Post propaganda = post(x, "宣传部长", PostKind.MEMBER, "宣传");
		final Post liaison = post(x, "联络员", PostKind.LIAISON);
		final Post bodySecretary = post(body, "纪委书记", PostKind.DISCIPLINE_SECRETARY);
		final Post ySecretary = post(y, "县委书记", PostKind.SECRETARY);
		final Person moved = person("调任书记");
		final Person retired = person("退休书记");
		final Person later = person("现任书记");
		final Person inCharge = person("分管副县长");
		final Person member = person("宣传部长");
		final Person clerk = person("联络员");
		final Person supervisor = person("纪委书记");
		final Person direct = person("直接责任人");
		final Person mayor = person("市委书记");

		World() {
			tree.linkDisciplineBody(x.id(), body.id());
			// moved: X's secretary until mid-2021, then Y's secretary (transferred)
			end(appoint(moved, secretary, LocalDate.of(2018, 1, 1)), LocalDate.of(2021, 6, 30), Tenure.EndReason.TRANSFER);
			appoint(moved, ySecretary, LocalDate.of(2021, 7, 1));
			// retired: X's secretary from mid-2021 until retirement in 2023
			end(appoint(retired, secretary, LocalDate.of(2021, 7, 1)), LocalDate.of(2023, 3, 31), Tenure.EndReason.RETIREMENT);
			// later: after the incident period, not proposed
			appoint(later, secretary, LocalDate.of(2023, 4, 1));
			appoint(inCharge, deputy, LocalDate.of(2019, 3, 1));
			end(appoint(member, propaganda, LocalDate.of(2016, 1, 1)), LocalDate.of(2020, 2, 29), Tenure.EndReason.PROMOTION);
			appoint(clerk, liaison, LocalDate.of(2019, 1, 1));
			appoint(supervisor, bodySecretary, LocalDate.of(2017, 1, 1));
			appoint(mayor, citySecretary, LocalDate.of(2019, 1, 1));
		}

		Post post(Org org, String title, PostKind kind, String... areas) {
			return leadership.addPost(org.id(), new Leadership.NewPost(title, kind, List.of(areas), null));
		}

		Person person(String name) {
			return people.create(new People.NewPerson(p + name, null, null, null, null, x.id()));
		}

		Tenure appoint(Person person, Post post, LocalDate from) {
			return leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), from, null));
		}

		void end(Tenure tenure, LocalDate on, Tenure.EndReason reason) {
			leadership.end(tenure.id(), on, reason);
		}

		long situation(String code) {
			return situations.list(true).stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow().id();
		}

		AccountabilityCase open(String code) {
			return procedure.create(new CaseProcedure.NewCase(x.id(), Origin.INSPECTION_TOUR, "F-17", p + "案", FROM, TO,
					"违规发放津贴补贴", List.of(situation(code)), deputy.id(), List.of(direct.id()), null));
		}

		ProposedParty proposal(List<ProposedParty> proposals, Person person) {
			return proposals.stream().filter(pp -> person.id() == (pp.personId() == null ? -1 : pp.personId())).findFirst()
					.orElseThrow(() -> new AssertionError(person.name() + " not proposed"));
		}
	}

	@Test
	void a_secretary_who_moved_and_one_who_retired_are_both_proposed_with_their_grade_and_posts_then_and_now()
			throws Exception {
		World w = new World();
		AccountabilityCase c = w.open("S03");
		String url = "/api/v1/accountability/cases/" + c.id() + "/proposed-parties";
		mvc.perform(get(url)).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.personId == %d)].responsibility".formatted(w.moved.id())).value(contains("PRINCIPAL_LEADERSHIP")))
				.andExpect(jsonPath("$[?(@.personId == %d)].grounds[0].tenureEnd".formatted(w.moved.id())).value(contains("2021-06-30")))
				.andExpect(jsonPath("$[?(@.personId == %d)].postsNow[0].orgName".formatted(w.moved.id())).value(contains(w.y.name())))
				.andExpect(jsonPath("$[?(@.personId == %d)].responsibility".formatted(w.retired.id())).value(contains("PRINCIPAL_LEADERSHIP")))
				.andExpect(jsonPath("$[?(@.personId == %d)].retired".formatted(w.retired.id())).value(contains(true)))
				.andExpect(jsonPath("$[?(@.personId == %d)]".formatted(w.later.id())).isEmpty())
				.andExpect(jsonPath("$[?(@.personId == %d)]".formatted(w.clerk.id())).isEmpty());

		List<ProposedParty> proposals = cases.proposals(c.id());
		ProposedParty moved = w.proposal(proposals, w.moved);
		assertThat(moved.grounds()).singleElement().satisfies(g -> {
			assertThat(g.role()).isEqualTo("principal");
			assertThat(g.postTitle()).isEqualTo("县委书记");
			assertThat(g.heldFrom()).isEqualTo(FROM);
			assertThat(g.heldTo()).isEqualTo(LocalDate.of(2021, 6, 30));
			assertThat(g.endReason()).isEqualTo(Tenure.EndReason.TRANSFER);
		});
		assertThat(moved.postsNow()).extracting(ProposedParty.PostNow::postId).containsExactly(w.ySecretary.id());
		assertThat(moved.retired()).isFalse();
		assertThat(moved.reason()).contains("县委书记", "2018-01-01", "2021-06-30");
		ProposedParty retired = w.proposal(proposals, w.retired);
		assertThat(retired.grounds()).singleElement().satisfies(g -> {
			assertThat(g.heldFrom()).isEqualTo(LocalDate.of(2021, 7, 1));
			assertThat(g.heldTo()).isEqualTo(TO);
			assertThat(g.tenureEnd()).isEqualTo(LocalDate.of(2023, 3, 31));
		});
		assertThat(retired.postsNow()).isEmpty();
		assertThat(retired.retired()).isTrue();
		// the member in charge of the area shares principal leadership; the others: important
		assertThat(w.proposal(proposals, w.inCharge).responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(w.proposal(proposals, w.inCharge).grounds().get(0).role()).isEqualTo("in-charge");
		ProposedParty member = w.proposal(proposals, w.member);
		assertThat(member.responsibility()).isEqualTo(Responsibility.IMPORTANT_LEADERSHIP);
		assertThat(member.grounds().get(0).heldTo()).isEqualTo(LocalDate.of(2020, 2, 29));
		// one case, two investigations: the discipline body's principal for supervision
		assertThat(w.proposal(proposals, w.supervisor).responsibility()).isEqualTo(Responsibility.SUPERVISORY);
		assertThat(w.proposal(proposals, w.direct).responsibility()).isEqualTo(Responsibility.DIRECT);
		// ... and the discipline body itself, an organisation party for its supervisory responsibility (监督责任)
		assertThat(proposals).filteredOn(pp -> pp.orgId() != null).extracting(ProposedParty::orgId,
				ProposedParty::responsibility).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(w.x.id(),
						Responsibility.FULL_LEADERSHIP), org.assertj.core.groups.Tuple.tuple(w.body.id(), Responsibility.SUPERVISORY));
		// S03 does not concern lower committees: the city's secretary is not proposed
		assertThat(proposals).noneMatch(pp -> Long.valueOf(w.mayor.id()).equals(pp.personId()));
		assertThat(proposals).allMatch(pp -> pp.disposition() == Disposition.PENDING);
	}

	@Test
	void overlapping_tenures_of_two_secretaries_in_one_period_both_appear() {
		World w = new World();
		// a second secretary post: the new secretary took over before the old one's tenure ended
		Post acting = w.post(w.y, "县委书记（主持工作）", PostKind.SECRETARY);
		Person first = w.person("甲书记");
		Person second = w.person("乙书记");
		Post ySecretaryOld = w.post(w.y, "原县委书记", PostKind.SECRETARY);
		w.end(w.appoint(first, ySecretaryOld, LocalDate.of(2019, 1, 1)), LocalDate.of(2021, 6, 30), Tenure.EndReason.PROMOTION);
		w.appoint(second, acting, LocalDate.of(2021, 5, 1));
		AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(w.y.id(), Origin.REPORT, null, w.p + "乙案", FROM, TO,
				"事实", List.of(w.situation("S02")), null, List.of(), null));
		List<ProposedParty> proposals = cases.proposals(c.id());
		ProposedParty a = w.proposal(proposals, first);
		ProposedParty b = w.proposal(proposals, second);
		assertThat(a.responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(b.responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(a.grounds().get(0).heldTo()).isEqualTo(LocalDate.of(2021, 6, 30));
		assertThat(b.grounds().get(0).heldFrom()).isEqualTo(LocalDate.of(2021, 5, 1));
		// the moved secretary of X became Y's secretary after the period started: proposed for Y too
		assertThat(w.proposal(proposals, w.moved).grounds().get(0).heldFrom()).isEqualTo(LocalDate.of(2021, 7, 1));
		assertThat(w.proposal(proposals, first).postsNow()).isEmpty();
		assertThat(w.proposal(proposals, first).retired()).isFalse();
	}

	@Test
	void a_situation_concerning_lower_committees_also_proposes_the_upper_committee_and_its_leaders() {
		World w = new World();
		AccountabilityCase c = w.open("S09");
		List<ProposedParty> proposals = cases.proposals(c.id());
		ProposedParty mayor = w.proposal(proposals, w.mayor);
		assertThat(mayor.responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(mayor.grounds().get(0).role()).isEqualTo("upper-principal");
		assertThat(proposals).filteredOn(pp -> pp.orgId() != null).extracting(ProposedParty::orgId)
				.containsExactlyInAnyOrder(w.x.id(), w.body.id(), w.city.id());
	}

	/** Confirms every proposal but drops the organisation, shows the facts and hears everyone. */
	void investigate(World w, AccountabilityCase c, LocalDate on) {
		procedure.approveOpening(c.id(), new CaseProcedure.Opening(on, "市纪委书记"));
		for (ProposedParty pp : cases.proposals(c.id())) {
			procedure.dispose(c.id(), new CaseProcedure.Disposal(pp.personId(), pp.orgId(),
					pp.orgId() != null ? Disposition.DROPPED : Disposition.CONFIRMED, "调查认定"));
		}
		for (Party party : cases.get(c.id()).parties()) {
			if (party.disposition() == Disposition.CONFIRMED) {
				procedure.showFactStatement(c.id(), party.id(), new PartyStep(on, null));
				procedure.recordStatement(c.id(), party.id(), new CaseProcedure.Written(on, "本人无异议"));
			}
		}
	}

	List<Party> confirmed(AccountabilityCase c) {
		return cases.get(c.id()).parties().stream().filter(pt -> pt.disposition() == Disposition.CONFIRMED).toList();
	}

	Party party(AccountabilityCase c, Person person) {
		return cases.get(c.id()).parties().stream().filter(pt -> Long.valueOf(person.id()).equals(pt.personId()))
				.findFirst().orElseThrow();
	}

	@Test
	void the_procedure_refuses_illegal_moves_and_a_decided_case_changes_only_by_a_new_decision() throws Exception {
		World w = new World();
		AccountabilityCase c = w.open("S03");
		String base = "/api/v1/accountability/cases/" + c.id();
		// nothing decided: no decision document
		mvc.perform(get(base + "/decision.docx")).andExpect(status().isNotFound());
		// nothing before the opening is approved
		mvc.perform(postJson(base + "/report", "{\"text\":\"报告\"}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("status"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("report")));
		mvc.perform(postJson(base + "/parties", "{\"personId\":%d,\"disposition\":\"CONFIRMED\",\"reason\":\"x\"}"
				.formatted(w.moved.id()))).andExpect(status().isConflict());
		mvc.perform(postJson(base + "/opening/approve", "{\"approvedBy\":\"书记\",\"on\":\"2999-01-01\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
		mvc.perform(postJson(base + "/opening/approve", "{}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("approvedBy"));
		assertThat(cases.get(c.id()).status()).isEqualTo(Status.REGISTERED);
		mvc.perform(postJson(base + "/opening/approve", "{\"approvedBy\":\"市纪委书记\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("INVESTIGATING"));
		mvc.perform(postJson(base + "/opening/approve", "{\"approvedBy\":\"市纪委书记\"}")).andExpect(status().isConflict());

		// the report needs every proposal disposed, and every confirmed party heard
		mvc.perform(postJson(base + "/report", "{\"text\":\"报告\"}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("parties"));
		mvc.perform(postJson(base + "/parties", "{\"personId\":%d,\"disposition\":\"CONFIRMED\"}".formatted(w.moved.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(postJson(base + "/parties", "{\"personId\":%d,\"disposition\":\"CONFIRMED\",\"reason\":\"x\"}"
				.formatted(w.later.id()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("personId"));
		for (ProposedParty pp : cases.proposals(c.id())) {
			procedure.dispose(c.id(), new CaseProcedure.Disposal(pp.personId(), pp.orgId(),
					pp.personId() != null && pp.personId() == w.member.id() ? Disposition.DROPPED : Disposition.CONFIRMED,
					"经调查"));
		}
		Party moved = party(cases.get(c.id()), w.moved);
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/statement", "{\"text\":\"申辩\"}"))
				.andExpect(status().isConflict());
		mvc.perform(postJson(base + "/report", "{\"text\":\"报告\"}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString(w.p)));
		for (Party party : cases.get(c.id()).parties()) {
			if (party.disposition() == Disposition.CONFIRMED) {
				procedure.showFactStatement(c.id(), party.id(), new PartyStep(null, null));
				procedure.recordStatement(c.id(), party.id(), new CaseProcedure.Written(null, "陈述"));
			}
		}
		Party member = cases.get(c.id()).parties().stream().filter(pt -> Long.valueOf(w.member.id()).equals(pt.personId()))
				.findFirst().orElseThrow();
		mvc.perform(postJson(base + "/parties/" + member.id() + "/fact-statement", "{}")).andExpect(status().isConflict());
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/decision",
				"{\"authority\":\"市委\",\"forms\":[\"ADMONISHMENT\"]}")).andExpect(status().isConflict());
		mvc.perform(postJson(base + "/report", "{\"text\":\"调查报告\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REPORTED"));
		mvc.perform(put(base).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"改\"}"))
				.andExpect(status().isConflict());

		// decisions: forms matching the party, one kind of organisational handling, combined where allowed
		Party org = cases.get(c.id()).parties().stream().filter(Party::isOrganisation).findFirst().orElseThrow();
		mvc.perform(postJson(base + "/parties/" + org.id() + "/decision", "{\"authority\":\"市委\",\"forms\":[\"DISMISSAL\"]}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("forms"));
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/decision",
				"{\"authority\":\"市委\",\"forms\":[\"DISMISSAL\",\"DEMOTION\"]}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("forms"));
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/decision", "{\"authority\":\"市委\",\"forms\":[]}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/decision",
				"{\"authority\":\"市委\",\"forms\":[\"CIRCULATION\",\"DISMISSAL\",\"DISCIPLINARY_SANCTION\"]}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sanctionDetail"));
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/decision",
				"{\"authority\":\"市委\",\"forms\":[\"CIRCULATION\",\"DISMISSAL\",\"DISCIPLINARY_SANCTION\"],\"sanctionDetail\":\"党内严重警告\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPORTED"));
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/decision", "{\"authority\":\"市委\",\"forms\":[\"ADMONISHMENT\"]}"))
				.andExpect(status().isConflict());
		mvc.perform(postJson(base + "/announcement", "{}")).andExpect(status().isConflict());
		for (Party party : cases.get(c.id()).parties()) {
			if (party.disposition() == Disposition.CONFIRMED && party.decisions().isEmpty()) {
				decisions.decide(c.id(), party.id(), new CaseDecisions.DecisionInput(null, "市委",
						party.isOrganisation() ? List.of(Form.ORG_CIRCULATION) : List.of(Form.ADMONISHMENT), null, null));
			}
		}
		AccountabilityCase decided = cases.get(c.id());
		assertThat(decided.status()).isEqualTo(Status.DECIDED);

		// the decisions as a document, PDF and Word (GB/T 9704), the same content in both
		byte[] docx = mvc.perform(get(base + "/decision.docx")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", zeren.platform.document.DocumentFormat.DOCX.mediaType().toString()))
				.andReturn().getResponse().getContentAsByteArray();
		String title = "关于" + decided.title() + "的问责决定";
		zeren.support.Docx.assertGbt9704(docx, title);
		assertThat(zeren.support.Docx.text(docx)).contains(w.moved.name(), "通报、免职、纪律处分（党内严重警告）", "市委",
				zeren.platform.document.DocumentWriter.date(clock.today()));
		byte[] pdf = mvc.perform(get(base + "/decision.pdf")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(title.substring(0, 4), w.moved.name());
		}
		mvc.perform(get("/accountability/cases/" + c.id() + "/decision.docx")).andExpect(status().isOk());

		// locked: no new party, no disposal, no second decision; a correction is a new decision
		mvc.perform(postJson(base + "/direct-parties", "{\"personId\":%d}".formatted(w.clerk.id())))
				.andExpect(status().isConflict());
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/corrections", "{\"authority\":\"市委\",\"forms\":[\"CIRCULATION\"]}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(postJson(base + "/parties/" + moved.id() + "/corrections",
				"{\"authority\":\"市委\",\"forms\":[\"CIRCULATION\",\"REASSIGNMENT\"],\"reason\":\"复核认定情节较轻\"}"))
				.andExpect(status().isOk());
		Party corrected = party(cases.get(c.id()), w.moved);
		assertThat(corrected.decisions()).hasSize(2);
		assertThat(corrected.decisions().get(0).current()).isFalse();
		assertThat(corrected.decisions().get(0).forms()).contains(Form.DISMISSAL);
		assertThat(corrected.current().forms()).containsExactly(Form.CIRCULATION, Form.REASSIGNMENT);
		assertThat(corrected.current().kind()).isEqualTo(AccountabilityCase.DecisionKind.CORRECTION);

		// filing comes after the announcement; every step is audited
		mvc.perform(postJson(base + "/filing", "{}")).andExpect(status().isConflict());
		mvc.perform(postJson(base + "/announcement", "{\"executionOwnerPostId\":%d}".formatted(w.ySecretary.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("executionOwnerPostId"));
		mvc.perform(postJson(base + "/announcement", "{\"executionOwnerPostId\":%d}".formatted(w.deputy.id())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANNOUNCED"));
		// the reassignment is carried out by the post named, tracked until closed; filing waits for it
		zeren.tracking.TrackedItem item = party(cases.get(c.id()), w.moved).execution();
		assertThat(item.ownerPostId()).isEqualTo(w.deputy.id());
		mvc.perform(postJson(base + "/filing", "{}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value(containsString(w.moved.name())));
		moves.addEntry(item.id(), new zeren.tracking.NewEntry(clock.today(), "已调整其职务", List.of()));
		moves.submit(item.id(), "已调整职务");
		asAnotherAdministrator(() -> moves.close(item.id(), "核实"));
		mvc.perform(postJson(base + "/filing", "{}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FILED"));
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(w.x.id())).param("entity", "accountability-case"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].action", hasItem("APPROVE_OPENING"))).andExpect(jsonPath("$[*].action", hasItem("REPORT")))
				.andExpect(jsonPath("$[*].action", hasItem("DECIDE"))).andExpect(jsonPath("$[*].action", hasItem("CORRECT")))
				.andExpect(jsonPath("$[*].action", hasItem("ANNOUNCE"))).andExpect(jsonPath("$[*].action", hasItem("FILE")))
				.andExpect(jsonPath("$[*].action", hasItem("DROP_PARTY")));
		assertThat(cases.get(c.id()).steps()).extracting(AccountabilityCase.Step::step).startsWith("REGISTER",
				"APPROVE_OPENING").endsWith("ANNOUNCE", "FILE");
	}

	@Autowired
	zeren.oversight.Sweep sweep;

	@Autowired
	zeren.oversight.Oversight oversight;

	zeren.oversight.Obligation appealObligation(World w, long appealId) {
		sweep.sweep(w.city.id(), 2026);
		return oversight.obligations(w.city.id(), 2026, "accountability.appeals", null, 100).stream()
				.filter(o -> o.subject() == appealId).findFirst().orElseThrow();
	}

	@Test
	void deadlines_appeal_within_a_month_of_delivery_decided_within_a_month_and_handling_due_in_a_month() {
		World w = new World();
		clock.set(LocalDate.of(2026, 3, 1));
		AccountabilityCase c = w.open("S01");
		investigate(w, c, LocalDate.of(2026, 3, 1));
		procedure.report(c.id(), new CaseProcedure.Written(null, "报告"));
		for (Party party : confirmed(c)) {
			decisions.decide(c.id(), party.id(), new CaseDecisions.DecisionInput(null, "市委",
					Long.valueOf(w.moved.id()).equals(party.personId()) ? List.of(Form.DISMISSAL) : List.of(Form.ADMONISHMENT),
					null, null));
		}
		clock.set(LocalDate.of(2026, 3, 5));
		decisions.announce(c.id(), new CaseDecisions.Announcement(null, null, null));
		Party moved = party(cases.get(c.id()), w.moved);
		assertThat(moved.deliveredOn()).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(moved.executionDueOn()).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(moved.appealUntil()).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(party(cases.get(c.id()), w.retired).executionDueOn()).isNull();
		// the organisational handling is a tracked item of the shared mechanism, due in one month
		zeren.tracking.TrackedItem item = moved.execution();
		assertThat(item).isNotNull();
		assertThat(item.kind()).isEqualTo("accountability.execution");
		assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(item.ownerPostId()).isEqualTo(w.secretary.id());
		assertThat(item.verifierOrgId()).isEqualTo(w.body.id());
		assertThat(item.status()).isEqualTo(zeren.tracking.TrackedItem.Status.OPEN);
		assertThat(item.title()).contains(w.moved.name(), "免职");
		assertThat(party(cases.get(c.id()), w.retired).execution()).isNull();

		// a day too late: refused, and nothing recorded
		clock.set(LocalDate.of(2026, 4, 6));
		assertThatThrownBy(() -> decisions.appeal(c.id(), moved.id(), new CaseDecisions.NewAppeal(null, "不服")))
				.isInstanceOf(ConflictException.class).hasMessage("error.accountability.appeal-too-late");
		assertThat(party(cases.get(c.id()), w.moved).appeals()).isEmpty();
		// filed on the last day (recorded a day later): accepted, to be decided within a month
		AccountabilityCase appealed = decisions.appeal(c.id(), moved.id(), new CaseDecisions.NewAppeal(LocalDate.of(2026, 4, 5), "不服"));
		AccountabilityCase.Appeal appeal = party(appealed, w.moved).appeals().get(0);
		assertThat(appeal.dueOn()).isEqualTo(LocalDate.of(2026, 5, 5));
		assertThat(appeal.overdue()).isFalse();
		assertThatThrownBy(() -> decisions.appeal(c.id(), moved.id(), new CaseDecisions.NewAppeal(null, "再次")))
				.isInstanceOf(ConflictException.class);
		// execution is not suspended: the case goes on to filing while the appeal is pending,
		// once the organisational handling is done (its tracked item closed)
		assertThat(appealed.status()).isEqualTo(Status.ANNOUNCED);
		assertThatThrownBy(() -> decisions.file(c.id(), new PartyStep(null, null)))
				.isInstanceOf(ConflictException.class).hasMessage("error.accountability.execution-open");
		assertThat(party(cases.get(c.id()), w.moved).execution().warning()).isEqualTo(zeren.tracking.TrackedItem.Warning.RED);
		moves.addEntry(item.id(), new zeren.tracking.NewEntry(LocalDate.of(2026, 4, 6), "已按程序免去其职务", List.of()));
		moves.submit(item.id(), "办结");
		asAnotherAdministrator(() -> moves.close(item.id(), "核实已办结"));
		decisions.file(c.id(), new PartyStep(null, null));
		clock.set(LocalDate.of(2026, 5, 6));
		assertThat(party(cases.get(c.id()), w.moved).appeals().get(0).overdue()).isTrue();
		// the appeal's time limit is an obligation of the case's organisation: overdue now …
		assertThat(appealObligation(w, appeal.id()).status()).isEqualTo(zeren.oversight.Obligation.Status.OVERDUE);
		assertThatThrownBy(() -> decisions.decideAppeal(c.id(), appeal.id(), new CaseDecisions.AppealDecision(LocalDate.of(2026, 4, 1),
				AppealOutcome.VARIED, "x", "市委", List.of(Form.REASSIGNMENT), null)))
				.isInstanceOf(InvalidInputException.class);
		AccountabilityCase varied = decisions.decideAppeal(c.id(), appeal.id(), new CaseDecisions.AppealDecision(null,
				AppealOutcome.VARIED, "情节较轻，变更为调整职务", "市委", List.of(Form.REASSIGNMENT), null));
		Party after = party(varied, w.moved);
		// … and done late once decided
		zeren.oversight.Obligation decided = appealObligation(w, appeal.id());
		assertThat(decided.status()).isEqualTo(zeren.oversight.Obligation.Status.DONE_LATE);
		assertThat(decided.doneOn()).isEqualTo(LocalDate.of(2026, 5, 6));
		assertThat(decided.link()).isEqualTo("/accountability/cases/" + c.id());
		assertThat(after.current().kind()).isEqualTo(AccountabilityCase.DecisionKind.APPEAL);
		assertThat(after.current().forms()).containsExactly(Form.REASSIGNMENT);
		assertThat(after.appeals().get(0).outcome()).isEqualTo(AppealOutcome.VARIED);
		assertThat(after.appeals().get(0).overdue()).as("decided after its due date").isTrue();
		assertThat(varied.status()).isEqualTo(Status.FILED);
	}

	@Test
	void the_integrity_file_follows_a_person_across_posts_and_the_statistics_count_the_subtree() throws Exception {
		World w = new World();
		clock.set(LocalDate.of(2026, 3, 1));
		AccountabilityCase c = w.open("S04");
		investigate(w, c, LocalDate.of(2026, 3, 1));
		procedure.report(c.id(), new CaseProcedure.Written(null, "报告"));
		for (Party party : confirmed(c)) {
			boolean movedOne = Long.valueOf(w.moved.id()).equals(party.personId());
			decisions.decide(c.id(), party.id(), new CaseDecisions.DecisionInput(null, "市委",
					movedOne ? List.of(Form.CIRCULATION, Form.DEMOTION) : List.of(), null, movedOne ? null : "情节轻微"));
		}
		mvc.perform(get("/api/v1/accountability/people/" + w.moved.id() + "/integrity-file")).andExpect(status().isOk())
				.andExpect(jsonPath("$.posts", hasSize(2)))
				.andExpect(jsonPath("$.entries", hasSize(1)))
				.andExpect(jsonPath("$.entries[0].caseId").value(c.id()))
				.andExpect(jsonPath("$.entries[0].responsibility").value("PRINCIPAL_LEADERSHIP"))
				.andExpect(jsonPath("$.entries[0].grounds").value(containsString("县委书记")))
				.andExpect(jsonPath("$.entries[0].decisions[0].forms", contains("CIRCULATION", "DEMOTION")));
		assertThat(integrityFiles.of(w.later.id()).entries()).isEmpty();
		assertThat(integrityFiles.of(w.member.id()).entries()).singleElement()
				.satisfies(e -> assertThat(e.current().outcome()).isEqualTo(AccountabilityCase.Outcome.EXEMPT));

		var stats = statistics.of(w.city.id(), 2026);
		assertThat(stats.cases()).isEqualTo(1);
		assertThat(stats.dualInvestigationCases()).isEqualTo(1);
		assertThat(stats.partiesByResponsibility()).containsEntry(Responsibility.PRINCIPAL_LEADERSHIP, 3L)
				.containsEntry(Responsibility.DIRECT, 1L).containsEntry(Responsibility.SUPERVISORY, 1L)
				.containsEntry(Responsibility.IMPORTANT_LEADERSHIP, 1L).doesNotContainKey(Responsibility.FULL_LEADERSHIP);
		assertThat(stats.forms()).containsEntry(Form.CIRCULATION, 1L).containsEntry(Form.DEMOTION, 1L);
		assertThat(stats.exempted()).isEqualTo(5);
		assertThat(statistics.of(w.y.id(), 2026).cases()).isZero();
		assertThat(statistics.of(w.city.id(), 2025).cases()).isZero();
		mvc.perform(get("/api/v1/accountability/cases").param("orgId", String.valueOf(w.city.id())).param("year", "2026"))
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].dualInvestigation").value(true))
				.andExpect(jsonPath("$[0].confirmedParties").value(6));
		// the statistics and the case list as XLSX, with the page's filters
		var sheets = zeren.support.Xlsx.sheets(mvc.perform(get("/accountability/statistics/export.xlsx")
				.param("orgId", String.valueOf(w.city.id())).param("year", "2026")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray());
		assertThat(sheets).extracting(zeren.support.Xlsx.Table::name).containsExactly("问责统计", "按状态", "问责对象（按责任类型）",
				"问责方式（现行决定）");
		assertThat(sheets.get(0).body()).contains(List.of("案件数", "1"), List.of("一案双查案件数", "1"), List.of("不予、免予问责或撤销", "5"));
		assertThat(sheets.get(2).body()).contains(List.of("主要领导责任", "3"), List.of("直接责任", "1"));
		assertThat(sheets.get(3).body()).contains(List.of("通报", "1"), List.of("降职", "1"));
		var list = zeren.support.Xlsx.sheets(mvc.perform(get("/accountability/export.xlsx").param("orgId", String.valueOf(w.city.id()))
				.param("year", "2026")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(list.body()).singleElement().satisfies(row -> assertThat(row).contains("是", "6"));
		assertThat(zeren.support.Xlsx.sheets(mvc.perform(get("/accountability/export.xlsx").param("orgId", String.valueOf(w.city.id()))
				.param("year", "2025")).andReturn().getResponse().getContentAsByteArray()).get(0).body()).isEmpty();
		// the list's search and status filter narrow the export as they narrow the list
		assertThat(zeren.support.Xlsx.sheets(mvc.perform(get("/accountability/export.xlsx").param("orgId", String.valueOf(w.city.id()))
				.param("year", "2026").param("q", "没有这个案件")).andReturn().getResponse().getContentAsByteArray()).get(0).body())
				.isEmpty();
		assertThat(zeren.support.Xlsx.sheets(mvc.perform(get("/accountability/export.xlsx").param("orgId", String.valueOf(w.city.id()))
				.param("year", "2026").param("status", "REGISTERED")).andReturn().getResponse().getContentAsByteArray()).get(0).body())
				.hasSize(cases.page(w.city.id(), 2026, null, "REGISTERED", null, 1, 50).items().size());
	}

	@Test
	void discipline_works_cases_in_its_subtree_others_read_and_a_sibling_sees_nothing() throws Exception {
		World w = new World();
		String p = w.p.toLowerCase();
		UserAccount discipline = users.create(new Users.NewUser(p + "jw", "password-of-jw-1", null, true));
		users.addGrant(discipline.id(), new Users.NewGrant(Role.DISCIPLINE, w.x.id(), true));
		UserAccount viewer = users.create(new Users.NewUser(p + "ck", "password-of-ck-1", null, true));
		users.addGrant(viewer.id(), new Users.NewGrant(Role.ORG_ADMIN, w.x.id(), true));
		UserAccount sibling = users.create(new Users.NewUser(p + "yx", "password-of-yx-1", null, true));
		users.addGrant(sibling.id(), new Users.NewGrant(Role.DISCIPLINE, w.y.id(), true));
		String body = """
				{"orgId":%d,"origin":"REPORT","title":"案","periodFrom":"2020-01-01","periodTo":"2022-12-31",
				 "facts":"事实","situationIds":[%d]}""".formatted(w.x.id(), w.situation("S02"));
		mvc.perform(postJson("/api/v1/accountability/cases", body).with(as(viewer.id(), viewer.username())))
				.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/accountability/cases", body).with(as(sibling.id(), sibling.username())))
				.andExpect(status().isForbidden());
		String created = mvc.perform(postJson("/api/v1/accountability/cases", body).with(as(discipline.id(), discipline.username())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
		String base = "/api/v1/accountability/cases/" + id;
		mvc.perform(get(base).with(as(viewer.id(), viewer.username()))).andExpect(status().isOk());
		mvc.perform(get(base + "/proposed-parties").with(as(viewer.id(), viewer.username()))).andExpect(status().isOk());
		mvc.perform(postJson(base + "/opening/approve", "{\"approvedBy\":\"x\"}").with(as(viewer.id(), viewer.username())))
				.andExpect(status().isForbidden());
		mvc.perform(get(base).with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/proposed-parties").with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		// a write out of view answers as for a case that does not exist
		mvc.perform(postJson(base + "/opening/approve", "{\"approvedBy\":\"x\"}").with(as(sibling.id(), sibling.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accountability/people/" + w.retired.id() + "/integrity-file")
				.with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accountability/statistics").param("orgId", String.valueOf(w.x.id()))
				.with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		mvc.perform(postJson(base + "/opening/approve", "{\"approvedBy\":\"县纪委书记\"}")
				.with(as(discipline.id(), discipline.username()))).andExpect(status().isOk());
		assertThat(cases.get(id).status()).isEqualTo(Status.INVESTIGATING);
		// the sibling county's own discipline user does not see the case in its list either
		mvc.perform(get("/api/v1/accountability/cases").param("orgId", String.valueOf(w.y.id())).param("year",
				String.valueOf(cases.get(id).registeredOn().getYear())).with(as(sibling.id(), sibling.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
		// the paged list: searched by title, filtered by status, counted in the database
		int year = cases.get(id).registeredOn().getYear();
		assertThat(cases.page(w.city.id(), year, "案", null, Cases.CaseSort.RECENT, 1, 50).total()).isEqualTo(1);
		assertThat(cases.page(w.city.id(), year, "案", "INVESTIGATING", Cases.CaseSort.TITLE, 1, 50).items())
				.extracting(Cases.Summary::id).containsExactly(id);
		assertThat(cases.page(w.city.id(), year, null, "FILED", Cases.CaseSort.ORG, 1, 50).total()).isZero();
		assertThat(cases.page(w.city.id(), year, "无此案", null, null, 1, 50).total()).isZero();
		mvc.perform(get("/accountability").param("orgId", String.valueOf(w.x.id())).param("q", "案")
				.with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		String siblingPage = mvc.perform(get("/accountability").param("orgId", String.valueOf(w.y.id())).param("q", "案")
				.param("year", String.valueOf(year)).with(as(sibling.id(), sibling.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(siblingPage).contains("共 0 条").doesNotContain("/accountability/cases/" + id + "\"");
		String ownPage = mvc.perform(get("/accountability").param("orgId", String.valueOf(w.x.id())).param("q", "案")
				.param("status", "INVESTIGATING").param("year", String.valueOf(year)).with(as(viewer.id(), viewer.username())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ownPage).contains("共 1 条，第 1/1 页").contains("/accountability/cases/" + id + "\"");

		// the API's list is paged in the database: the latest first, page 2 has the next rows, the total and links in headers
		List<Long> ids = new java.util.ArrayList<>(List.of(id));
		for (String title : List.of("第二起", "第三起")) {
			String more = mvc.perform(postJson("/api/v1/accountability/cases", body.replace("\"案\"", "\"" + title + "\""))
					.with(as(discipline.id(), discipline.username()))).andExpect(status().isCreated()).andReturn().getResponse()
					.getContentAsString();
			ids.add(0, ((Number) com.jayway.jsonpath.JsonPath.read(more, "$.id")).longValue());
		}
		String list = "/api/v1/accountability/cases?orgId=" + w.x.id() + "&year=" + year;
		var first = mvc.perform(get(list + "&size=2").with(as(viewer.id(), viewer.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2))).andExpect(jsonPath("$[0].id").value(ids.get(0)))
				.andExpect(jsonPath("$[1].id").value(ids.get(1)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "3"))
				.andReturn().getResponse();
		assertThat(first.getHeader("Link")).contains("<" + list + "&page=2&size=2>; rel=\"next\"").doesNotContain("rel=\"prev\"");
		var second = mvc.perform(get(list + "&page=2&size=2").with(as(viewer.id(), viewer.username())))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(ids.get(2)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "3"))
				.andReturn().getResponse();
		assertThat(second.getHeader("Link")).contains("<" + list + "&page=1&size=2>; rel=\"prev\"").doesNotContain("rel=\"next\"");
		// searched and filtered as the page is
		mvc.perform(get(list + "&q=第三&status=REGISTERED").with(as(viewer.id(), viewer.username())))
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].title").value("第三起"));
		// the sibling county's user is refused the county's list
		mvc.perform(get(list).with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
	}

	@Test
	void the_catalogue_holds_the_ten_situations_and_an_administrator_adds_and_deactivates() throws Exception {
		mvc.perform(get("/api/v1/accountability/situations").param("all", "true")).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.code == 'S01')].name").value(contains(containsString("窝案串案"))))
				.andExpect(jsonPath("$[?(@.code == 'S09')].concernsLower").value(contains(true)))
				.andExpect(jsonPath("$[?(@.code == 'S10')].name").value(contains(containsString("民生政策"))));
		assertThat(situations.list(false).stream().filter(s -> s.code().matches("S(0[1-9]|10)")).count()).isEqualTo(10);
		String code = unique().substring(0, 8);
		String added = mvc.perform(postJson("/api/v1/accountability/situations", "{\"code\":\"%s\",\"name\":\"新情形\"}".formatted(code)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(added, "$.id")).longValue();
		mvc.perform(postJson("/api/v1/accountability/situations", "{\"code\":\"%s\",\"name\":\"重复\"}".formatted(code)))
				.andExpect(status().isConflict());
		mvc.perform(postJson("/api/v1/accountability/situations/" + id + "/deactivate", "{}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(false));
		World w = new World();
		assertThatThrownBy(() -> procedure.create(new CaseProcedure.NewCase(w.x.id(), Origin.OTHER, null, "案", FROM, TO, "事实",
				List.of(id), null, List.of(), null))).isInstanceOf(InvalidInputException.class)
				.satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(zeren.platform.InputError::field)
						.containsExactly("situationIds"));
		UserAccount notAdmin = users.create(new Users.NewUser(w.p.toLowerCase() + "na", "password-of-na-1", null, true));
		users.addGrant(notAdmin.id(), new Users.NewGrant(Role.DISCIPLINE, w.x.id(), true));
		mvc.perform(postJson("/api/v1/accountability/situations", "{\"code\":\"ZZ\",\"name\":\"x\"}")
				.with(as(notAdmin.id(), notAdmin.username()))).andExpect(status().isForbidden());
	}

	@Test
	void errors_name_the_fields_at_fault_and_change_nothing() throws Exception {
		World w = new World();
		mvc.perform(postJson("/api/v1/accountability/cases", """
				{"orgId":%d,"title":"","periodFrom":"2022-01-01","periodTo":"2021-01-01","situationIds":[],
				 "inChargePostId":%d}""".formatted(w.x.id(), w.ySecretary.id())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("origin"))).andExpect(jsonPath("$.errors[*].field", hasItem("title")))
				.andExpect(jsonPath("$.errors[*].field", hasItem("facts"))).andExpect(jsonPath("$.errors[*].field", hasItem("periodTo")))
				.andExpect(jsonPath("$.errors[*].field", hasItem("situationIds")))
				.andExpect(jsonPath("$.errors[*].field", hasItem("inChargePostId")))
				// each by its label in this module, never by its code
				.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value(contains("案件名称：不能为空")))
				.andExpect(jsonPath("$.errors[?(@.field == 'periodTo')].message").value(contains("问题发生期间止：期间止早于期间起")))
				.andExpect(jsonPath("$.errors[?(@.field == 'situationIds')].message")
						.value(contains("追责情形：至少选择一项追责情形")));
		mvc.perform(postJson("/api/v1/accountability/situations", "{\"code\":\"\",\"name\":\"x\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value("情形编号：不能为空"));
		assertThat(cases.page(w.city.id(), clock.today().getYear(), null, null, null, 1, 50).total()).isZero();
	}

	// ---- 倒查 triggers (the source text's last sentence on 一案双查) ----------------------------------

	@Test
	void a_retrospective_trigger_pursues_the_principal_and_discipline_body_of_the_period_though_since_promoted_or_transferred()
			throws Exception {
		World w = new World();
		assertThat(situations.list(true)).filteredOn(s -> s.code().matches("S1[123]")).hasSize(3)
				.allMatch(Situations.Situation::retrospective);
		assertThat(situations.list(true)).filteredOn(s -> s.code().equals("S01")).noneMatch(Situations.Situation::retrospective);
		// county Z: its secretary was promoted to the city's standing committee, its discipline secretary transferred to X
		Org z = tree.create(new OrgTree.NewOrg(w.p + "z", w.p + "丙县委", OrgType.PARTY_COMMITTEE, w.city.id(), null, null));
		Org zBody = tree.create(new OrgTree.NewOrg(w.p + "zd", w.p + "丙县纪委", OrgType.DISCIPLINE_COMMISSION, z.id(), null, null));
		tree.linkDisciplineBody(z.id(), zBody.id());
		Post zSecretary = w.post(z, "县委书记", PostKind.SECRETARY);
		Post zBodySecretary = w.post(zBody, "纪委书记", PostKind.DISCIPLINE_SECRETARY);
		Post cityMember = w.post(w.city, "市委常委、组织部长", PostKind.MEMBER);
		Person promoted = w.person("升任书记");
		w.end(w.appoint(promoted, zSecretary, LocalDate.of(2017, 1, 1)), LocalDate.of(2021, 12, 31), Tenure.EndReason.PROMOTION);
		w.appoint(promoted, cityMember, LocalDate.of(2022, 1, 1));
		Person current = w.person("丙县现任书记");
		w.appoint(current, zSecretary, LocalDate.of(2022, 1, 1));
		Person zSupervisor = w.person("丙县纪委书记");
		w.end(w.appoint(zSupervisor, zBodySecretary, LocalDate.of(2018, 1, 1)), LocalDate.of(2021, 6, 30), Tenure.EndReason.TRANSFER);
		w.appoint(zSupervisor, w.propaganda, LocalDate.of(2021, 7, 1));
		AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(z.id(), Origin.INSPECTION_TOUR, null, w.p + "丙县案", FROM,
				TO, "不正之风长期滋生蔓延", List.of(w.situation("S11")), null, List.of(), null));

		List<ProposedParty> proposals = cases.proposals(c.id());
		ProposedParty principal = w.proposal(proposals, promoted);
		assertThat(principal.responsibility()).isEqualTo(Responsibility.PRINCIPAL_LEADERSHIP);
		assertThat(principal.grounds()).singleElement().satisfies(g -> {
			assertThat(g.role()).isEqualTo("principal");
			assertThat(g.heldTo()).isEqualTo(LocalDate.of(2021, 12, 31));
		});
		assertThat(principal.whereNow()).isEqualTo(ProposedParty.Whereabouts.PROMOTED);
		assertThat(principal.postsNow()).extracting(ProposedParty.PostNow::postId).containsExactly(cityMember.id());
		assertThat(principal.triggers()).extracting(ProposedParty.Trigger::code).containsExactly("S11");
		assertThat(w.proposal(proposals, current).whereNow()).isEqualTo(ProposedParty.Whereabouts.IN_POST);
		assertThat(w.proposal(proposals, current).triggers()).extracting(ProposedParty.Trigger::code).containsExactly("S11");
		ProposedParty supervisor = w.proposal(proposals, zSupervisor);
		assertThat(supervisor.responsibility()).isEqualTo(Responsibility.SUPERVISORY);
		assertThat(supervisor.whereNow()).isEqualTo(ProposedParty.Whereabouts.TRANSFERRED);
		assertThat(supervisor.postsNow()).extracting(ProposedParty.PostNow::orgId).containsExactly(w.x.id());
		assertThat(supervisor.triggers()).extracting(ProposedParty.Trigger::code).containsExactly("S11");
		// the discipline body itself for its supervisory responsibility; the team answers, but not under the trigger
		assertThat(proposals).filteredOn(pp -> Long.valueOf(zBody.id()).equals(pp.orgId())).singleElement()
				.satisfies(pp -> assertThat(pp.triggers()).extracting(ProposedParty.Trigger::code).containsExactly("S11"));
		assertThat(proposals).filteredOn(pp -> Long.valueOf(z.id()).equals(pp.orgId())).singleElement()
				.satisfies(pp -> assertThat(pp.triggers()).isEmpty());
		String url = "/api/v1/accountability/cases/" + c.id() + "/proposed-parties";
		mvc.perform(get(url)).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.personId == %d)].whereNow".formatted(promoted.id())).value(contains("PROMOTED")))
				.andExpect(jsonPath("$[?(@.personId == %d)].triggers[0].code".formatted(promoted.id())).value(contains("S11")))
				.andExpect(jsonPath("$[?(@.orgId == %d)].whereNow".formatted(zBody.id())).value(contains((Object) null)));

		String page = mvc.perform(get("/accountability/cases/" + c.id())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("倒查追究", "已升迁", "已调离", "现职", cityMember.title());
		// a discipline user of the county sees the promotion though the city's post is out of their view
		UserAccount county = users.create(new Users.NewUser(w.p.toLowerCase() + "zj", "password-of-zj-1", null, true));
		users.addGrant(county.id(), new Users.NewGrant(Role.DISCIPLINE, z.id(), true));
		mvc.perform(get(url).with(as(county.id(), county.username()))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.personId == %d)].whereNow".formatted(promoted.id())).value(contains("PROMOTED")))
				.andExpect(jsonPath("$[?(@.personId == %d)].postsNow[*]".formatted(promoted.id())).isEmpty());

		// confirmed, the grounds kept in the case name the trigger
		procedure.approveOpening(c.id(), new CaseProcedure.Opening(null, "市纪委书记"));
		procedure.dispose(c.id(), new CaseProcedure.Disposal(promoted.id(), null, Disposition.CONFIRMED, "倒查认定"));
		assertThat(party(c, promoted).grounds()).contains("县委书记", "倒查", "不正之风长期滋生蔓延");

		// the same county under an ordinary situation: the promotion is told, no trigger is carried
		AccountabilityCase plain = procedure.create(new CaseProcedure.NewCase(z.id(), Origin.REPORT, null, w.p + "丙县另案", FROM,
				TO, "事实", List.of(w.situation("S03")), null, List.of(), null));
		ProposedParty again = w.proposal(cases.proposals(plain.id()), promoted);
		assertThat(again.whereNow()).isEqualTo(ProposedParty.Whereabouts.PROMOTED);
		assertThat(again.triggers()).isEmpty();
	}

	// ---- 连续发生 / 重复发生 from the case history -------------------------------------------------------

	/** A case registered on {@code on} (the clock set there), investigated, reported and decided with {@code forms} for every person. */
	AccountabilityCase decided(Org org, long situationId, LocalDate on, LocalDate periodTo, List<Form> forms, Person direct) {
		clock.set(on);
		AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(org.id(), Origin.REPORT, null, unique() + "前案",
				periodTo.minusYears(1), periodTo, "事实", List.of(situationId), null, List.of(direct.id()), null));
		investigateAll(c, on);
		procedure.report(c.id(), new CaseProcedure.Written(on, "报告"));
		for (Party party : confirmed(c)) {
			decisions.decide(c.id(), party.id(), new CaseDecisions.DecisionInput(on, "县委", forms,
					forms.contains(Form.DISCIPLINARY_SANCTION) ? "党内严重警告" : null, forms.isEmpty() ? "情节轻微" : null));
		}
		return cases.get(c.id());
	}

	/** Confirms every person proposed, drops the organisations, shows the facts and hears everyone. */
	void investigateAll(AccountabilityCase c, LocalDate on) {
		procedure.approveOpening(c.id(), new CaseProcedure.Opening(on, "县纪委书记"));
		for (ProposedParty pp : cases.proposals(c.id())) {
			procedure.dispose(c.id(), new CaseProcedure.Disposal(pp.personId(), pp.orgId(),
					pp.orgId() != null ? Disposition.DROPPED : Disposition.CONFIRMED, "调查认定"));
		}
		for (Party party : confirmed(c)) {
			procedure.showFactStatement(c.id(), party.id(), new PartyStep(on, null));
			procedure.recordStatement(c.id(), party.id(), new CaseProcedure.Written(on, "无异议"));
		}
	}

	@Test
	void the_case_history_suggests_consecutive_and_recurring_cases_with_the_earlier_cases_and_adds_nothing_by_itself()
			throws Exception {
		World w = new World();
		Org town = tree.create(new OrgTree.NewOrg(w.p + "t", w.p + "甲县某镇党委", OrgType.PARTY_COMMITTEE, w.x.id(), null, null));
		long s03 = w.situation("S03");
		long s04 = w.situation("S04");
		// outside the window of three years before 2026-03-01
		decided(w.x, s03, LocalDate.of(2022, 6, 1), LocalDate.of(2021, 12, 31), List.of(Form.DISMISSAL), w.direct);
		AccountabilityCase a = decided(w.x, s03, LocalDate.of(2024, 5, 1), LocalDate.of(2023, 12, 31), List.of(Form.DEMOTION),
				w.direct);
		// in the subtree: a township's case with a disciplinary sanction
		AccountabilityCase b = decided(town, s04, LocalDate.of(2025, 6, 1), LocalDate.of(2024, 12, 31),
				List.of(Form.DISCIPLINARY_SANCTION), w.clerk);
		// the same situation again, but nobody held to account by a serious form
		AccountabilityCase e = decided(w.x, s03, LocalDate.of(2025, 9, 1), LocalDate.of(2024, 12, 31), List.of(), w.direct);
		// a sibling county's serious case does not count for X
		decided(w.y, s03, LocalDate.of(2025, 10, 1), LocalDate.of(2024, 12, 31), List.of(Form.DEMOTION), w.member);
		clock.set(LocalDate.of(2026, 3, 1));
		AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(w.x.id(), Origin.REPORT, null, w.p + "新案",
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "事实", List.of(s03), null, List.of(w.direct.id()), null));

		List<CaseHistory.Suggestion> suggestions = history.suggestions(c.id());
		assertThat(suggestions).extracting(g -> g.situation().code()).containsExactly("S01", "S02");
		assertThat(suggestions.get(0).basis()).isEqualTo(CaseHistory.Basis.SERIOUS_CASES);
		assertThat(suggestions.get(0).earlierCases()).extracting(CaseHistory.EarlierCase::caseId).containsExactly(b.id(), a.id());
		assertThat(suggestions.get(1).basis()).isEqualTo(CaseHistory.Basis.RECURRING_SITUATION);
		assertThat(suggestions.get(1).recurring()).extracting(Situations.Situation::code).containsExactly("S03");
		assertThat(suggestions.get(1).earlierCases()).extracting(CaseHistory.EarlierCase::caseId).containsExactly(e.id(), a.id());
		String base = "/api/v1/accountability/cases/" + c.id();
		mvc.perform(get(base + "/suggestions")).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].situation.code").value("S01"))
				.andExpect(jsonPath("$[0].earlierCases[*].caseId", contains((int) b.id(), (int) a.id())))
				.andExpect(jsonPath("$[0].earlierCases[0].orgName").value(town.name()))
				.andExpect(jsonPath("$[1].situation.code").value("S02"));
		// suggested, not added
		assertThat(cases.get(c.id()).situations()).extracting(Situations.Situation::code).containsExactly("S03");
		// the page lists them with links to the earlier cases and a button for each
		String page = mvc.perform(get("/accountability/cases/" + c.id())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("acc-suggestions", "/accountability/cases/" + b.id(), "/accountability/cases/" + a.id(),
				"连续发生重大腐败案件");

		// the worker adds S02 with one click; it is then no longer suggested
		long s02 = w.situation("S02");
		mvc.perform(postJson(base + "/situations", "{\"situationId\":%d}".formatted(s02))).andExpect(status().isOk())
				.andExpect(jsonPath("$.situations[*].code", contains("S02", "S03")));
		assertThat(history.suggestions(c.id())).extracting(g -> g.situation().code()).containsExactly("S01");
		mvc.perform(postJson(base + "/situations", "{\"situationId\":%d}".formatted(s02))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("situationId"));
		mvc.perform(postJson(base + "/situations", "{}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("situationId"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("追责情形")));
		assertThat(cases.get(c.id()).steps()).extracting(AccountabilityCase.Step::step).contains("ADD_SITUATION");

		// a public read for an organisation and a date (e.g. the committee's analysis)
		List<CaseHistory.Suggestion> mid2025 = history.suggest(w.x.id(), LocalDate.of(2025, 7, 1), List.of(s04), null);
		assertThat(mid2025).extracting(g -> g.situation().code()).containsExactly("S01", "S02");
		assertThat(mid2025.get(1).earlierCases()).extracting(CaseHistory.EarlierCase::caseId).containsExactly(b.id());
		// the township alone: one serious case is not a series
		assertThat(history.suggest(town.id(), LocalDate.of(2026, 3, 1), List.of(s04), null))
				.extracting(g -> g.situation().code()).containsExactly("S02");
		// a sibling county's discipline user sees neither the case nor its suggestions
		UserAccount sibling = users.create(new Users.NewUser(w.p.toLowerCase() + "sy", "password-of-sy-1", null, true));
		users.addGrant(sibling.id(), new Users.NewGrant(Role.DISCIPLINE, w.y.id(), true));
		mvc.perform(get(base + "/suggestions").with(as(sibling.id(), sibling.username()))).andExpect(status().isNotFound());
		mvc.perform(postJson(base + "/situations", "{\"situationId\":%d}".formatted(s04)).with(as(sibling.id(),
				sibling.username()))).andExpect(status().isNotFound());
		// once reported, the situations are fixed: nothing is suggested
		assertThat(history.suggestions(a.id())).isEmpty();
	}

	// ---- the integrity file across modules -----------------------------------------------------------------

	@Test
	void the_integrity_file_lists_an_admonishment_talk_a_notice_criticism_and_a_signed_letter() throws Exception {
		World w = new World();
		// 2021: moved is X's secretary; the city's secretary admonishes him and holds a routine talk
		clock.set(LocalDate.of(2021, 5, 10));
		var interviewer = new zeren.interview.InterviewRecords.Attendee(w.citySecretary.id(), w.mayor.id());
		var interviewee = List.of(new zeren.interview.InterviewRecords.Attendee(w.secretary.id(), w.moved.id()));
		var admonished = interviews.record(new zeren.interview.InterviewRecords.NewInterview(w.city.id(), LocalDate.of(2021, 5, 6),
				zeren.interview.Interview.Kind.ADMONISHMENT, interviewer, interviewee, "诫勉谈话内容", null));
		interviews.record(new zeren.interview.InterviewRecords.NewInterview(w.city.id(), LocalDate.of(2021, 5, 7),
				zeren.interview.Interview.Kind.ROUTINE, interviewer, interviewee, "例行约谈内容", null));
		// a notice criticising X, about a finding for which X's secretary was responsible
		var check = inspections.create(new zeren.inspection.Inspections.NewInspection(w.city.id(),
				zeren.inspection.Inspection.Kind.ANNUAL_CHECK, w.p + "年度检查", LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 30),
				List.of(new zeren.inspection.Inspections.TeamInput(w.citySecretary.id(), true)),
				List.of(new zeren.inspection.Inspections.TargetInput(w.x.id(), false)), null));
		var finding = findings.add(check.id(), new zeren.inspection.Findings.FindingInput(w.x.id(), null, "主体责任落实不力",
				"严重", List.of(w.secretary.id())));
		var notice = notices.issue(new zeren.inspection.Notices.NewNotice(w.city.id(), w.p + "关于甲县的通报", "正文",
				zeren.inspection.Notice.ScopeKind.ORG, w.x.id(), List.of(finding.id()), List.of(w.x.id())));
		// today: X's secretary (later) signs the city's letter to X
		clock.reset();
		int year = clock.today().getYear();
		letterManagement.generate(w.city.id(), year);
		var letter = letters.issuedBy(w.city.id(), year).stream().filter(l -> l.recipient().postId() == w.secretary.id())
				.findFirst().orElseThrow();
		letterManagement.addItem(letter.id(), new zeren.duty.LetterManagement.ItemInput(null, "主体责任", "落实主体责任", "无重大问题", null));
		letterManagement.issue(letter.id());
		UserAccount signer = users.create(new Users.NewUser(w.p.toLowerCase() + "qs", "password-of-qs-1", null, true));
		mvc.perform(put("/api/v1/users/" + signer.id() + "/person").contentType(MediaType.APPLICATION_JSON)
				.content("{\"personId\":" + w.later.id() + "}")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/duty/letters/" + letter.id() + "/sign", "{}").with(as(signer.id(), signer.username())))
				.andExpect(status().isOk());

		IntegrityFiles.IntegrityFile moved = integrityFiles.of(w.moved.id());
		assertThat(moved.interviews()).extracting(zeren.interview.Interview::id).containsExactly(admonished.id());
		assertThat(moved.notices()).extracting(zeren.inspection.Notices.Naming::noticeId, zeren.inspection.Notices.Naming::basis,
				zeren.inspection.Notices.Naming::postTitle).containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple(notice.id(), "CRITICISED_ORG", "县委书记"),
						org.assertj.core.groups.Tuple.tuple(notice.id(), "RESPONSIBLE_POST", "县委书记"));
		assertThat(moved.letters()).isEmpty();
		IntegrityFiles.IntegrityFile later = integrityFiles.of(w.later.id());
		assertThat(later.interviews()).isEmpty();
		assertThat(later.notices()).as("not in post when the notice was issued").isEmpty();
		assertThat(later.letters()).singleElement().satisfies(l -> {
			assertThat(l.letterId()).isEqualTo(letter.id());
			assertThat(l.party()).isEqualTo(zeren.duty.ResponsibilityLetter.Side.RECIPIENT);
			assertThat(l.postTitle()).isEqualTo("县委书记");
			assertThat(l.otherOrgName()).isEqualTo(w.city.name());
			assertThat(l.signedOn()).isEqualTo(clock.today());
		});
		// X's liaison officer is no leader of X: the criticism of X does not name them
		assertThat(integrityFiles.of(w.clerk.id()).notices()).isEmpty();

		mvc.perform(get("/api/v1/accountability/people/" + w.moved.id() + "/integrity-file")).andExpect(status().isOk())
				.andExpect(jsonPath("$.interviews[0].kind").value("ADMONISHMENT"))
				.andExpect(jsonPath("$.notices[0].noticeTitle").value(notice.title()))
				.andExpect(jsonPath("$.letters", hasSize(0)));
		String page = mvc.perform(get("/accountability/people/" + w.moved.id())).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(page).contains("诫勉谈话内容", notice.title(), "/interviews/" + admonished.id()).doesNotContain("例行约谈内容");
		assertThat(mvc.perform(get("/accountability/people/" + w.later.id())).andReturn().getResponse().getContentAsString())
				.contains("/duty/letters/" + letter.id());
		var sheets = zeren.support.Xlsx.sheets(mvc.perform(get("/accountability/people/" + w.moved.id() + "/integrity-file.xlsx"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(sheets).extracting(zeren.support.Xlsx.Table::name).containsExactly("历任职务", "问责记录", "诫勉谈话和提醒谈话",
				"通报批评", "签订的责任书");
		assertThat(sheets.get(2).body()).singleElement().satisfies(row -> assertThat(row).contains("诫勉谈话", "诫勉谈话内容"));
		assertThat(sheets.get(3).body()).hasSize(2);
	}
}
