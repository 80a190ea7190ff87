package zeren.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zeren.org.Leadership;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The inspection module's part of the scope walk: an inspection of the sibling, a finding, a notice. */
@Component
class InspectionSiblingData implements SiblingData {

	private final Inspections inspections;

	private final Findings findings;

	private final Notices notices;

	private Sibling sibling;

	private Inspection inspection;

	private Finding finding;

	private Notice notice;

	private zeren.evidence.Evidence evidence;

	private final Rectifications rectifications;

	private Rectification rectification;

	private final zeren.platform.BusinessClock clock;

	private final Leadership leadership;

	InspectionSiblingData(Inspections inspections, Findings findings, Notices notices, Rectifications rectifications,
			zeren.platform.BusinessClock clock, Leadership leadership) {
		this.leadership = leadership;
		this.rectifications = rectifications;
		this.clock = clock;
		this.inspections = inspections;
		this.findings = findings;
		this.notices = notices;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		inspection = inspections.create(new Inspections.NewInspection(s.b().id(), Inspection.Kind.SPECIAL_SUPERVISION,
				s.secretOrg() + "专项督导", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
				List.of(new Inspections.TeamInput(s.postB().id(), true)),
				List.of(new Inspections.TargetInput(s.bChild().id(), true)), null));
		finding = findings.add(inspection.id(), new Findings.FindingInput(s.bChild().id(), 1, s.secretOrg() + "问题",
				"严重", List.of()));
		evidence = findings.attach(finding.id(), s.secretOrg() + ".txt",
				new java.io.ByteArrayInputStream((s.secretOrg() + s.secretPerson()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		var childPost = leadership.addPost(s.bChild().id(),
				new Leadership.NewPost(s.secretOrg() + "村书记", zeren.org.PostKind.SECRETARY, List.of(), 1));
		rectification = rectifications.assign(finding.id(), new Rectifications.RectificationInput(s.secretOrg() + "问题",
				s.secretOrg() + "措施", clock.today().plusDays(60), childPost.id()));
		notice = notices.issue(new Notices.NewNotice(s.b().id(), s.secretOrg() + "通报", s.secretOrg(),
				Notice.ScopeKind.SUBTREE, s.b().id(), List.of(finding.id()), List.of(s.bChild().id())));
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/inspection/") && !pattern.startsWith("/inspection/")) {
			return null;
		}
		if ("evidenceId".equals(name)) {
			return evidence.id();
		}
		if (!"id".equals(name)) {
			return null;
		}
		String path = pattern.replace("/api/v1", "");
		if (path.startsWith("/inspection/inspections/")) {
			return inspection.id();
		}
		if (path.startsWith("/inspection/findings/")) {
			return finding.id();
		}
		if (path.startsWith("/inspection/notices/")) {
			return notice.id();
		}
		return null;
	}

	@Override
	public Map<String, Object> hostileFields() {
		return Map.of("findingIds", List.of(finding.id()), "criticisedOrgIds", List.of(sibling.bChild().id()),
				"scopeKind", "JURISDICTION", "scopeOrgId", sibling.b().id(), "severity", "一般", "description", "x",
				"inspectionId", inspection.id(), "problems", "x", "measures", "x", "responsiblePostId", sibling.postB().id());
	}

	@Override
	public Map<String, String> hostileParams() {
		return Map.of("findingIds", String.valueOf(finding.id()), "scopeKind", "JURISDICTION", "severity", "一般",
				"description", "x", "inspectionId", String.valueOf(inspection.id()), "measures", "x", "problems", "x");
	}

	@Override
	public void assertUnchanged() {
		assertThat(findings.ofInspection(inspection.id())).extracting(Finding::description)
				.containsExactly(sibling.secretOrg() + "问题");
		assertThat(notices.issued(sibling.b().id())).extracting(Notice::id).containsExactly(notice.id());
		assertThat(notices.criticisms(sibling.b().id())).hasSize(1);
		assertThat(inspections.of(sibling.b().id(), 2026)).hasSize(1);
		assertThat(notices.get(notice.id()).findings()).hasSize(1);
		assertThat(findings.evidence(finding.id())).extracting(zeren.evidence.Evidence::id).containsExactly(evidence.id());
		Rectification after = rectifications.get(finding.id());
		assertThat(after.measures()).isEqualTo(sibling.secretOrg() + "措施");
		assertThat(after.item().status()).isEqualTo(rectification.item().status());
		assertThat(after.item().entryCount()).isZero();
	}
}
