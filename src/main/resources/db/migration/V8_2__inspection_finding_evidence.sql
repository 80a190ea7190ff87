-- Evidence of a finding (module evidence keeps the files; this only links them).
CREATE TABLE inspection_finding_evidence (
    finding_id   BIGINT NOT NULL REFERENCES inspection_finding (id) ON DELETE CASCADE,
    evidence_id  BIGINT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    PRIMARY KEY (finding_id, evidence_id)
);
CREATE INDEX inspection_finding_evidence_idx ON inspection_finding_evidence (evidence_id);
