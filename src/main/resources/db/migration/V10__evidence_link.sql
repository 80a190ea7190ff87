-- One link from a thing of any module to an evidence file (module evidence), instead of four
-- join tables: tracked entries (V5), interviews (V6_3), annual reports (V6_4), inspection
-- findings (V8_2). owner_type names the kind of thing, owner_id its id; position keeps the order
-- the files were attached in (a report hashes its files in this order). Valid on PostgreSQL and
-- on H2 (MODE=PostgreSQL).
--
-- No ON DELETE CASCADE, on purpose: a link, and the evidence file it points to, never disappears
-- because something else was deleted. The SHA-256s of a submitted report's files are part of its
-- hash; deleting such a file is refused instead of silently changing what the report holds.
CREATE TABLE evidence_link (
    owner_type   VARCHAR(32) NOT NULL,
    owner_id     BIGINT      NOT NULL,
    evidence_id  BIGINT      NOT NULL REFERENCES evidence (id),
    position     INT         NOT NULL,
    added_by     VARCHAR(64) NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT evidence_link_pk PRIMARY KEY (owner_type, owner_id, evidence_id)
);
CREATE INDEX evidence_link_evidence_idx ON evidence_link (evidence_id);

-- Each owner's files in the order it listed them: entries and findings by evidence id, interviews
-- and reports by the time attached. Who attached a file was not kept: for an entry it is who
-- recorded the entry, for the others who uploaded the file (an attachment uploads it).
INSERT INTO evidence_link (owner_type, owner_id, evidence_id, position, added_by, added_at)
SELECT 'tracked-entry', l.entry_id, l.evidence_id,
       ROW_NUMBER() OVER (PARTITION BY l.entry_id ORDER BY l.evidence_id), e.recorded_by, e.recorded_at
FROM tracked_entry_evidence l JOIN tracked_entry e ON e.id = l.entry_id;

INSERT INTO evidence_link (owner_type, owner_id, evidence_id, position, added_by, added_at)
SELECT 'interview', a.interview_id, a.evidence_id,
       ROW_NUMBER() OVER (PARTITION BY a.interview_id ORDER BY a.attached_at, a.evidence_id), ev.uploaded_by, a.attached_at
FROM interview_attachment a JOIN evidence ev ON ev.id = a.evidence_id;

INSERT INTO evidence_link (owner_type, owner_id, evidence_id, position, added_by, added_at)
SELECT 'report', a.report_id, a.evidence_id,
       ROW_NUMBER() OVER (PARTITION BY a.report_id ORDER BY a.attached_at, a.evidence_id), ev.uploaded_by, a.attached_at
FROM report_attachment a JOIN evidence ev ON ev.id = a.evidence_id;

INSERT INTO evidence_link (owner_type, owner_id, evidence_id, position, added_by, added_at)
SELECT 'inspection-finding', f.finding_id, f.evidence_id,
       ROW_NUMBER() OVER (PARTITION BY f.finding_id ORDER BY f.evidence_id), ev.uploaded_by, ev.uploaded_at
FROM inspection_finding_evidence f JOIN evidence ev ON ev.id = f.evidence_id;

-- An entry's files never change once it is recorded: the count an export lists is kept with it.
ALTER TABLE tracked_entry ADD COLUMN evidence_count INT NOT NULL DEFAULT 0;
UPDATE tracked_entry SET evidence_count =
    (SELECT COUNT(*) FROM tracked_entry_evidence l WHERE l.entry_id = tracked_entry.id);

DROP TABLE tracked_entry_evidence;
DROP TABLE interview_attachment;
DROP TABLE report_attachment;
DROP TABLE inspection_finding_evidence;
