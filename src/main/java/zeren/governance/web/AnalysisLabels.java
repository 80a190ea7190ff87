package zeren.governance.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import zeren.governance.Analysis;
import zeren.governance.Analysis.Fact;

/**
 * The name of each figure of an analysis, in one place for the page and the PDF: the record's own
 * wording where it has one (a situation, a focus item), else the bundle's (a level, a form of
 * accountability, an obligation kind, a count of tracked items).
 */
@Component
class AnalysisLabels {

	private final MessageSource messages;

	AnalysisLabels(MessageSource messages) {
		this.messages = messages;
	}

	/** The label of every fact, by {@link #key(Fact)}. */
	Map<String, String> of(Analysis analysis, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		analysis.facts().forEach(f -> labels.put(key(f), label(f, locale)));
		return labels;
	}

	static String key(Fact f) {
		return f.section().name() + ":" + f.key();
	}

	String label(Fact f, Locale locale) {
		return switch (f.section()) {
			case SITUATION -> f.label() == null ? f.key() : f.label();
			case FOCUS -> f.label() == null || f.label().isEmpty() ? m(locale, "analysis.focus.none") : f.label();
			case LEVEL -> "0".equals(f.key()) ? m(locale, "analysis.level.own") : m(locale, "analysis.level.below", f.key());
			case FORM -> m(locale, "accountability.form." + f.key());
			case RED -> messages.getMessage("oversight.kind." + f.key(), null, f.key(), locale);
			case TRACKED -> m(locale, "analysis.tracked." + f.key());
			case CASES -> m(locale, "analysis.cases.total");
			case FINDINGS -> m(locale, "analysis.findings.total");
		};
	}

	String m(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
