package zeren.interview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import zeren.org.OrgType;
import zeren.org.PostKind;

/**
 * The named coverage rules of tiered interviews (zeren.interview.* in application.yml). Each
 * rule says: in every calendar year, the holder of the {@code interviewer} post of a Party
 * committee interviews, at least {@code minPerYear} times, the holder of each {@code interviewees}
 * post of every directly lower Party committee (a child organisation whose type is one of
 * {@code committeeTypes}).
 *
 * <p>Where a post sits: a {@code SECRETARY} (书记) post is the committee's own; a
 * {@code DISCIPLINE_SECRETARY} (纪委书记) post is the one of the discipline body linked to the
 * committee ({@code org.discipline_body_id}), or the committee's own when no body is linked.
 *
 * <p>Defaults, from the source text: (1) {@code principal}: 党委（党组）主要负责同志 each year
 * interviews 下一级党委（党组）主要负责同志; (2) {@code discipline}: 纪委（纪检组）主要负责同志
 * interviews 下一级党委（党组）主要负责同志 and 下一级纪委（纪检组）主要负责同志.
 */
@ConfigurationProperties("zeren.interview")
public record CoverageRules(List<OrgType> committeeTypes, Map<String, Rule> rules) {

	public record Rule(PostKind interviewer, List<PostKind> interviewees, Integer minPerYear) {

		public Rule {
			interviewees = interviewees == null ? List.of() : List.copyOf(interviewees);
			minPerYear = minPerYear == null ? 1 : minPerYear;
		}
	}

	public CoverageRules {
		committeeTypes = committeeTypes == null || committeeTypes.isEmpty()
				? List.of(OrgType.PARTY_COMMITTEE, OrgType.PARTY_GROUP, OrgType.WORKING_COMMITTEE)
				: List.copyOf(committeeTypes);
		rules = rules == null || rules.isEmpty() ? defaults() : new LinkedHashMap<>(rules);
		for (Map.Entry<String, Rule> e : rules.entrySet()) {
			if (!e.getKey().matches("[a-z][a-z0-9-]*")) {
				throw new IllegalArgumentException("zeren.interview.rules: a rule name is lower-case letters, digits and '-': " + e.getKey());
			}
			Rule r = e.getValue();
			if (!placed(r.interviewer()) || r.interviewees().isEmpty() || !r.interviewees().stream().allMatch(CoverageRules::placed)
					|| r.minPerYear() < 1) {
				throw new IllegalArgumentException("zeren.interview.rules." + e.getKey()
						+ ": interviewer and interviewees must be SECRETARY or DISCIPLINE_SECRETARY, min-per-year at least 1");
			}
		}
	}

	private static boolean placed(PostKind kind) {
		return kind == PostKind.SECRETARY || kind == PostKind.DISCIPLINE_SECRETARY;
	}

	/** The source text's two rules. */
	public static Map<String, Rule> defaults() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("principal", new Rule(PostKind.SECRETARY, List.of(PostKind.SECRETARY), 1));
		rules.put("discipline", new Rule(PostKind.DISCIPLINE_SECRETARY,
				List.of(PostKind.SECRETARY, PostKind.DISCIPLINE_SECRETARY), 1));
		return rules;
	}
}
