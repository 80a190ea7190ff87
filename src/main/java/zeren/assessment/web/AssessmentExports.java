package zeren.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import zeren.assessment.Round;
import zeren.assessment.RoundSheets;
import zeren.assessment.Rounds;
import zeren.platform.ReadOnlyWork;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;
import zeren.platform.xlsx.TableExport;

/**
 * The round's board as XLSX, and a unit's feedback sheet (考核反馈意见: every indicator's score
 * and every addition and deduction with its reason and the record behind it) as XLSX and PDF.
 * The PDF is an official document: Chinese whatever the reader's language.
 */
@Controller
class AssessmentExports {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Rounds rounds;
	private final RoundSheets sheets;
	private final MessageSource messages;

	AssessmentExports(Rounds rounds, RoundSheets sheets, MessageSource messages) {
		this.rounds = rounds;
		this.sheets = sheets;
		this.messages = messages;
	}

	@ReadOnlyWork
	@GetMapping("/assessment/rounds/{id}/export.xlsx")
	void board(@PathVariable long id, Locale locale, HttpServletResponse response) {
		Round round = rounds.get(id);
		TableExport.send(response, m(locale, "assessment.round.heading", round.orgName(), String.valueOf(round.year())), book -> {
			TableExport.Sheet s = book.sheet(m(locale, "assessment.round.ranking"), List.of(m(locale, "assessment.unit.rank"),
					m(locale, "assessment.unit"), m(locale, "assessment.unit.self-total"), m(locale, "assessment.unit.total"),
					m(locale, "assessment.unit.grade"), m(locale, "assessment.unit.zero-items"), m(locale, "assessment.unit.veto"),
					m(locale, "assessment.person.post"), m(locale, "assessment.unit.person")));
			for (Round.Unit u : round.units()) {
				s.row(u.rank(), u.orgName(), u.selfTotal(), u.total(), u.grade() == null ? "" : m(locale, "assessment.grade." + u.grade()),
						u.zeroItems(), u.veto() ? m(locale, "assessment.unit.veto") : "", u.post() ? u.postTitle() : "",
						!u.post() ? "" : u.vacant() ? m(locale, "assessment.unit.vacant") : u.personName());
			}
		});
	}

	@ReadOnlyWork
	@GetMapping("/assessment/rounds/{id}/units/{unitId}/feedback.xlsx")
	void feedback(@PathVariable long id, @PathVariable long unitId, Locale locale, HttpServletResponse response) {
		Round.Sheet sheet = sheets.sheet(id, unitId);
		TableExport.send(response, m(locale, "assessment.sheet.heading", sheet.unit().orgName(), String.valueOf(sheet.year())), book -> {
			TableExport.Sheet scores = book.sheet(m(locale, "assessment.unit.sheet"), List.of(m(locale, "assessment.sheet.indicator"),
					m(locale, "assessment.sheet.points"), m(locale, "assessment.sheet.self"), m(locale, "assessment.sheet.team")));
			for (Round.IndicatorRow r : sheet.indicators()) {
				scores.row(r.code() + " " + r.title(), r.points(), r.self(), r.team());
			}
			scores.row(m(locale, "assessment.unit.total"), "", sheet.unit().selfTotal(), sheet.unit().total());
			scores.row(m(locale, "assessment.unit.grade"), "", "", sheet.unit().grade() == null ? ""
					: m(locale, "assessment.grade." + sheet.unit().grade()));
			TableExport.Sheet lines = book.sheet(m(locale, "assessment.sheet.lines"), List.of(m(locale, "assessment.sheet.indicator"),
					m(locale, "assessment.sheet.column"), m(locale, "assessment.sheet.line-points"), m(locale, "assessment.sheet.reason"),
					m(locale, "assessment.sheet.record")));
			for (Round.Line l : sheet.lines()) {
				lines.row(l.indicatorCode() + " " + l.indicatorTitle(), m(locale, "assessment.column." + l.column()), l.points(),
						l.reason(), l.link() == null ? "" : l.link());
			}
		});
	}

	@ReadOnlyWork
	@GetMapping("/assessment/rounds/{id}/units/{unitId}/feedback.pdf")
	ResponseEntity<byte[]> feedbackPdf(@PathVariable long id, @PathVariable long unitId) {
		Round.Sheet sheet = sheets.sheet(id, unitId);
		String title = m(CHINESE, "assessment.sheet.heading", sheet.unit().orgName(), String.valueOf(sheet.year()));
		DocumentWriter doc = DocumentFormat.PDF.writer().info(title, sheet.assessingOrgName(), m(CHINESE, "assessment.title"))
				.title(title).note(m(CHINESE, "assessment.sheet.assessing", sheet.assessingOrgName()) + "　"
						+ m(CHINESE, "assessment.unit.total") + " " + sheet.unit().total() + "　" + m(CHINESE, "assessment.unit.grade") + " "
						+ (sheet.unit().grade() == null ? "" : m(CHINESE, "assessment.grade." + sheet.unit().grade())));
		List<List<String>> rows = new ArrayList<>();
		for (Round.IndicatorRow r : sheet.indicators()) {
			rows.add(List.of(r.code(), r.title(), text(r.points()), text(r.self()), text(r.team())));
		}
		doc.table(List.of("序号", m(CHINESE, "assessment.sheet.indicator"), m(CHINESE, "assessment.sheet.points"),
				m(CHINESE, "assessment.sheet.self"), m(CHINESE, "assessment.sheet.team")), new float[] { 1, 9, 2, 2, 2 }, rows);
		doc.heading(m(CHINESE, "assessment.sheet.lines"));
		if (sheet.lines().isEmpty()) {
			doc.paragraph(m(CHINESE, "assessment.sheet.lines.none"));
		}
		else {
			List<List<String>> lines = new ArrayList<>();
			for (Round.Line l : sheet.lines()) {
				lines.add(List.of(l.indicatorCode(), m(CHINESE, "assessment.column." + l.column()), text(l.points()), l.reason()));
			}
			doc.table(List.of("序号", m(CHINESE, "assessment.sheet.column"), m(CHINESE, "assessment.sheet.line-points"),
					m(CHINESE, "assessment.sheet.reason")), new float[] { 1, 2, 2, 11 }, lines);
		}
		return DocumentFormat.PDF.response(doc.toBytes(), title);
	}

	private static String text(java.math.BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
