package zeren.assessment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import zeren.assessment.DefaultScheme.IndicatorInput;
import zeren.assessment.Scheme.Rule;
import zeren.oversight.ObligationRule;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.xlsx.HeaderedSheet;
import zeren.platform.xlsx.SheetLimits;

/**
 * A scheme as the table people keep it in Excel: one row per indicator — 序号, 考核内容, 分值,
 * 计分方式, 自动计分依据, 每项扣分, 逾期扣分, 说明 — with the scoring and the obligation in words
 * (系统计分, 责任清单发布), never as codes. The same layout is exported and imported, so a scheme
 * is copied from last year's file; errors name the line and the column.
 */
@Component
public class SchemeSheet {

	public static final List<String> COLUMNS = List.of("序号", "考核内容", "分值", "计分方式", "自动计分依据", "每项扣分", "逾期扣分", "说明");

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;
	private final AutoKinds auto;
	private final List<String> kinds;

	SchemeSheet(MessageSource messages, AutoKinds auto) {
		this.messages = messages;
		this.auto = auto;
		this.kinds = auto.kinds();
	}

	/** The rows of a scheme, in the columns' order. */
	public List<List<Object>> rows(Scheme scheme) {
		List<List<Object>> rows = new ArrayList<>();
		for (Scheme.Indicator i : scheme.indicators()) {
			List<Object> row = new ArrayList<>();
			row.add(i.code());
			row.add(i.title());
			row.add(i.points());
			row.add(rule(i.rule()));
			row.add(i.obligationKind() == null ? "" : kind(i.obligationKind()));
			row.add(i.perMissed());
			row.add(i.perLate());
			row.add(i.guidance() == null ? "" : i.guidance());
			rows.add(row);
		}
		return rows;
	}

	/** The indicators of an uploaded sheet; all or nothing, errors by line and column. */
	public List<IndicatorInput> read(byte[] content) {
		Map<String, Rule> rules = new HashMap<>();
		for (Rule r : Rule.values()) {
			rules.put(rule(r), r);
		}
		Map<String, String> byLabel = new HashMap<>();
		kinds.forEach(k -> byLabel.put(kind(k), k));
		List<InputError> errors = new ArrayList<>();
		List<IndicatorInput> out = new ArrayList<>();
		HeaderedSheet.read(new ByteArrayInputStream(content), SheetLimits.of("assessment-scheme"), "考核内容", COLUMNS, line -> {
			Rule rule = rules.get(line.get("计分方式"));
			if (rule == null) {
				errors.add(InputError.line(line.number(), "计分方式", "error.assessment.sheet-rule", line.get("计分方式"),
						String.join("、", rules.keySet().stream().sorted().toList())));
			}
			String kind = null;
			if (rule == Rule.AUTO) {
				kind = byLabel.get(line.get("自动计分依据"));
				if (kind == null) {
					errors.add(InputError.line(line.number(), "自动计分依据", "error.assessment.obligation-kind", line.get("自动计分依据")));
				}
			}
			BigDecimal points = number(line, "分值", errors);
			BigDecimal missed = rule == Rule.AUTO ? number(line, "每项扣分", errors) : null;
			BigDecimal late = rule == Rule.AUTO && !line.get("逾期扣分").isEmpty() ? number(line, "逾期扣分", errors) : null;
			out.add(new IndicatorInput(line.get("序号"), line.get("考核内容"), points, rule, kind, missed, late,
					line.get("说明").isEmpty() ? null : line.get("说明")));
			return null;
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return out;
	}

	private static BigDecimal number(HeaderedSheet.Line line, String column, List<InputError> errors) {
		String text = line.get(column);
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			errors.add(InputError.line(line.number(), column, "error.assessment.sheet-number", text));
			return null;
		}
	}

	private String rule(Rule rule) {
		return messages.getMessage("assessment.rule." + rule.name(), null, CHINESE);
	}

	private String kind(String kind) {
		return messages.getMessage(auto.labelKey(kind), null, kind, CHINESE);
	}
}
