package zeren.assessment;

/** The grades of the assessment (考核等次). */
public enum Grade {
	/** 好 */
	GOOD,
	/** 较好 */
	FAIRLY_GOOD,
	/** 一般 */
	FAIR,
	/** 差 */
	POOR
}
