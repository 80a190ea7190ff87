package zeren.access;

/** What a grant lets its holder do in the granted organisations. */
public enum Role {
	/** Everything, everywhere: the system administrator. */
	ADMIN,
	/** Manages organisations, people and tenures in scope. */
	ORG_ADMIN,
	/** Supervisory work in scope: inspections, queries, accountability; reads the audit trail. */
	DISCIPLINE,
	/** Own duties. */
	LEADER,
	/** Reads only. */
	VIEWER
}
