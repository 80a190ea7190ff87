package zeren.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.governance.Analysis;
import zeren.governance.Analysis.Fact;
import zeren.governance.Analysis.Section;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;

/**
 * The analysis as a PDF: the facts section by section (each figure beside the same period of
 * the previous year), the judgement and the measures. An official document: Chinese whatever
 * the reader's language.
 */
@Component
class AnalysisDocument {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final AnalysisLabels labels;

	AnalysisDocument(AnalysisLabels labels) {
		this.labels = labels;
	}

	ResponseEntity<byte[]> pdf(Analysis a) {
		DocumentWriter doc = DocumentFormat.PDF.writer().info(a.title(), a.orgName(), m("analysis.title")).title(a.title());
		doc.note(m("analysis.pdf.head", a.orgName(), DocumentWriter.date(a.from()), DocumentWriter.date(a.to()),
				m("analysis.status." + a.status().name()),
				a.adoptedOn() == null ? "" : m("analysis.adopted-on", DocumentWriter.date(a.adoptedOn()))));
		Fact cases = a.fact(Section.CASES, "cases");
		doc.heading(m("analysis.section.cases"));
		if (cases != null) {
			doc.paragraph(m("analysis.cases.summary", cases.current(), cases.previous()));
		}
		counts(doc, a, Section.SITUATION, "analysis.situation");
		counts(doc, a, Section.LEVEL, "analysis.level");
		counts(doc, a, Section.FORM, "analysis.form");
		doc.heading(m("analysis.section.findings"));
		Fact findings = a.fact(Section.FINDINGS, "findings");
		if (findings != null) {
			doc.paragraph(m("analysis.findings.summary", findings.current(), findings.currentDone(), percent(findings.currentRate()),
					findings.previous(), percent(findings.previousRate())));
		}
		List<List<String>> focus = new ArrayList<>();
		for (Fact f : a.facts(Section.FOCUS)) {
			focus.add(List.of(labels.label(f, CHINESE), String.valueOf(f.current()), String.valueOf(f.currentDone()),
					percent(f.currentRate()), String.valueOf(f.previous()), percent(f.previousRate())));
		}
		if (!focus.isEmpty()) {
			doc.table(List.of(m("analysis.focus"), m("analysis.findings.current"), m("analysis.findings.rectified"),
					m("analysis.findings.rate"), m("analysis.previous"), m("analysis.findings.previous-rate")),
					new float[] { 6, 2, 2, 2, 2, 2 }, focus);
		}
		doc.heading(m("analysis.section.red"));
		counts(doc, a, Section.RED, "analysis.red.kind");
		doc.heading(m("analysis.section.tracked"));
		counts(doc, a, Section.TRACKED, "analysis.tracked");
		doc.heading(m("analysis.section.judgement"));
		doc.paragraph(a.judgement() == null ? m("analysis.judgement.none") : a.judgement());
		doc.heading(m("analysis.section.measures"));
		if (a.measures().isEmpty()) {
			doc.paragraph(m("analysis.measures.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			int n = 0;
			for (Analysis.Measure x : a.measures()) {
				rows.add(List.of(String.valueOf(++n), x.text(), x.ownerOrgName() + " · " + x.ownerPostTitle(),
						DocumentWriter.date(x.deadline()), x.trackedItemId() == null ? "" : m("analysis.measure.tracked")));
			}
			doc.table(List.of(m("analysis.no"), m("analysis.measure.text"), m("analysis.measure.owner"),
					m("analysis.measure.deadline"), m("analysis.measure.tracking")), new float[] { 1, 8, 4, 3, 2 }, rows);
		}
		return DocumentFormat.PDF.response(doc.toBytes(), a.title());
	}

	/** A section's figures as a table: name, this period, the previous year's, the change; or a line saying there are none. */
	private void counts(DocumentWriter doc, Analysis a, Section section, String heading) {
		List<Fact> facts = a.facts(section);
		if (facts.isEmpty()) {
			doc.paragraph(m(heading) + "：" + m("analysis.none"));
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (Fact f : facts) {
			rows.add(List.of(labels.label(f, CHINESE), String.valueOf(f.current()), String.valueOf(f.previous()),
					signed(f.change())));
		}
		doc.table(List.of(m(heading), m("analysis.current"), m("analysis.previous"), m("analysis.change")),
				new float[] { 8, 2, 2, 2 }, rows);
	}

	static String signed(long change) {
		return change > 0 ? "+" + change : String.valueOf(change);
	}

	private static String percent(Integer rate) {
		return rate == null ? "—" : rate + "%";
	}

	private String m(String code, Object... args) {
		return labels.m(CHINESE, code, args);
	}
}
