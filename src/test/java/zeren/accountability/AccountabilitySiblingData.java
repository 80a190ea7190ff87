package zeren.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zeren.accountability.AccountabilityCase.Disposition;
import zeren.accountability.AccountabilityCase.Form;
import zeren.accountability.AccountabilityCase.Origin;
import zeren.accountability.AccountabilityCase.Party;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/**
 * The accountability module's part of the scope walk: a case of the sibling county taken as far
 * as an appeal (its secretary confirmed, decided, announced, appealing), and a situation of the
 * catalogue that only an administrator may change.
 */
@Component
class AccountabilitySiblingData implements SiblingData {

	private final Cases cases;
	private final CaseProcedure procedure;
	private final CaseDecisions decisions;
	private final Situations situations;

	private Sibling sibling;
	private AccountabilityCase theCase;
	private Party party;
	private AccountabilityCase.Appeal appeal;
	private Situations.Situation situation;
	private int steps;

	AccountabilitySiblingData(Cases cases, CaseProcedure procedure, CaseDecisions decisions, Situations situations) {
		this.cases = cases;
		this.procedure = procedure;
		this.decisions = decisions;
		this.situations = situations;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		situation = situations.add(new Situations.NewSituation(s.prefix().substring(0, 11), "走查用情形", false, false));
		long s02 = situations.list(true).stream().filter(x -> x.code().equals("S02")).findFirst().orElseThrow().id();
		AccountabilityCase c = procedure.create(new CaseProcedure.NewCase(s.b().id(), Origin.REPORT, null, s.secretOrg() + "问责案",
				LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), s.secretOrg() + "事实", List.of(s02), null,
				List.of(s.personB().id()), null));
		procedure.approveOpening(c.id(), new CaseProcedure.Opening(null, s.secretPerson()));
		for (ProposedParty p : cases.proposals(c.id())) {
			procedure.dispose(c.id(), new CaseProcedure.Disposal(p.personId(), p.orgId(),
					p.personId() != null ? Disposition.CONFIRMED : Disposition.DROPPED, s.secretOrg()));
		}
		party = cases.get(c.id()).parties().stream().filter(p -> p.personId() != null).findFirst().orElseThrow();
		procedure.showFactStatement(c.id(), party.id(), new PartyStep(null, null));
		procedure.recordStatement(c.id(), party.id(), new CaseProcedure.Written(null, s.secretPerson() + "陈述"));
		procedure.report(c.id(), new CaseProcedure.Written(null, s.secretOrg() + "报告"));
		decisions.decide(c.id(), party.id(), new CaseDecisions.DecisionInput(null, s.secretOrg(), List.of(Form.ADMONISHMENT), null, null));
		decisions.announce(c.id(), new CaseDecisions.Announcement(null, null, null));
		theCase = decisions.appeal(c.id(), party.id(), new CaseDecisions.NewAppeal(null, s.secretPerson() + "申诉"));
		appeal = theCase.parties().stream().filter(p -> p.id() == party.id()).findFirst().orElseThrow().appeals().get(0);
		steps = theCase.steps().size();
	}

	@Override
	public Object value(String name, String pattern) {
		if (pattern.startsWith("/api/v1/accountability/situations/") || pattern.startsWith("/accountability/situations/")) {
			return "id".equals(name) ? situation.id() : null;
		}
		if (pattern.startsWith("/api/v1/accountability/people/") || pattern.startsWith("/accountability/people/")) {
			return "personId".equals(name) || "id".equals(name) ? sibling.personB().id() : null;
		}
		if (!pattern.startsWith("/api/v1/accountability/cases/") && !pattern.startsWith("/accountability/cases/")) {
			return null;
		}
		return switch (name) {
			case "id" -> theCase.id();
			case "partyId" -> party.id();
			case "appealId" -> appeal.id();
			default -> null;
		};
	}

	@Override
	public Map<String, Object> hostileFields() {
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("approvedBy", "x", "text", "x", "authority", "x",
				"disposition", "CONFIRMED", "outcome", "REVOKED", "origin", "OTHER", "facts", "x", "periodFrom", "2020-01-01",
				"periodTo", "2021-01-01", "directPersonIds", List.of(sibling.personB().id())));
		fields.put("situationId", situation.id());
		return fields;
	}

	@Override
	public Map<String, String> hostileParams() {
		return Map.of("approvedBy", "x", "text", "x", "authority", "x", "disposition", "CONFIRMED", "outcome", "REVOKED",
				"subjectPersonId", String.valueOf(sibling.personB().id()), "forms", "DISMISSAL", "situationId",
				String.valueOf(situation.id()));
	}

	@Override
	public void assertUnchanged() {
		AccountabilityCase after = cases.get(theCase.id());
		assertThat(after.status()).isEqualTo(AccountabilityCase.Status.ANNOUNCED);
		assertThat(after.steps()).hasSize(steps);
		Party p = after.parties().stream().filter(x -> x.id() == party.id()).findFirst().orElseThrow();
		assertThat(p.decisions()).hasSize(1);
		assertThat(p.appeals()).singleElement().satisfies(a -> assertThat(a.decidedOn()).isNull());
		assertThat(after.parties()).hasSize(theCase.parties().size());
		assertThat(after.situations()).hasSize(theCase.situations().size());
		assertThat(situations.get(situation.id()).active()).isTrue();
	}
}
