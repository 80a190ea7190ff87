package zeren.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.evidence.AttachmentLock;
import zeren.evidence.Attachments;
import zeren.platform.ConflictException;
import zeren.platform.NotFoundException;

/**
 * The files attached to an annual report (kept by the evidence module): they may change only
 * while the report is a draft, because their SHA-256s are part of what its submission hashes.
 */
@Component
class ReportFiles implements AttachmentLock {

	static final String OWNER_TYPE = "report";

	private final JdbcClient jdbc;

	ReportFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Attachments.Owner of(long reportId) {
		return new Attachments.Owner(OWNER_TYPE, reportId);
	}

	@Override
	public String ownerType() {
		return OWNER_TYPE;
	}

	/** Locks the report's row (a submission locks it too, so the two are ordered); 409 once submitted. */
	@Override
	public void requireOpen(long reportId) {
		String status = jdbc.sql("SELECT status FROM annual_report WHERE id = :id FOR UPDATE").param("id", reportId)
				.query(String.class).optional().orElseThrow(() -> new NotFoundException("report", reportId));
		if (!AnnualReport.Status.DRAFT.name().equals(status)) {
			throw new ConflictException("status", "error.report.locked");
		}
	}
}
