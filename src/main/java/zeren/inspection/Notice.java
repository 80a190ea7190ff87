package zeren.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A circulated notice (通报) issued by {@code orgId} about findings to a scope; the organisations
 * in {@code criticised} received serious criticism (严肃批评) by it.
 */
public record Notice(long id, long orgId, String orgName, String title, String body, ScopeKind scopeKind,
		long scopeOrgId, String scopeOrgName, LocalDate issuedOn, OffsetDateTime issuedAt, List<Concerning> findings,
		List<Criticised> criticised) {

	/** A finding the notice is about, as every recipient reads it in the notice. */
	public record Concerning(long findingId, long orgId, String orgName, Finding.Severity severity, String description) {
	}

	/** The body's paragraphs (one per line, blank lines dropped). */
	public List<String> paragraphs() {
		return body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	public enum ScopeKind {
		/** One organisation. */
		ORG,
		/** An organisation and everything below it. */
		SUBTREE,
		/** The issuer's whole jurisdiction: the issuer and everything below it. */
		JURISDICTION
	}

	public record Criticised(long orgId, String orgName) {
	}

	/** A serious criticism recorded against an organisation, with the notice that recorded it. */
	public record Criticism(long noticeId, String noticeTitle, long issuerOrgId, String issuerOrgName, long orgId,
			String orgName, LocalDate issuedOn) {
	}
}
