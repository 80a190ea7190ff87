/**
 * 评责: the annual assessment. Indicator schemes per year (a tree of indicators with points and a
 * rule each; the shipped default from the source text and the oversight obligations), rounds in
 * which an assessing organisation assesses its lower committees (self-assessment, the team's
 * scores, automatic lines from the obligation results, sources such as a satisfaction poll,
 * grade, ranking, conclusion), and every point a stored line that names its indicator, reason,
 * inputs and the record behind it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment (评责)",
		allowedDependencies = { "org", "oversight", "evidence", "audit", "platform" })
package zeren.assessment;
