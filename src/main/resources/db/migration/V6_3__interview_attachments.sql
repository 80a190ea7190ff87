-- Files attached to an interview record (module evidence: stored once by SHA-256, checked by content).
CREATE TABLE interview_attachment (
    interview_id  BIGINT NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    evidence_id   BIGINT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    attached_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (interview_id, evidence_id)
);
