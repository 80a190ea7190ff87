-- Files attached to an annual report while it is a draft (module evidence: stored once by
-- SHA-256, checked by content). Their hashes are part of the content a submission hashes.
CREATE TABLE report_attachment (
    report_id    BIGINT NOT NULL REFERENCES annual_report (id) ON DELETE CASCADE,
    evidence_id  BIGINT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    attached_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (report_id, evidence_id)
);
