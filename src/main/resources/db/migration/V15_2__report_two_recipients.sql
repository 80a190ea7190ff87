-- An annual report goes to both the upper Party committee and the upper discipline commission
-- (党委（党组）每年年初以书面形式向上级党委和纪委报告): each receives, reviews, accepts or queries it
-- on its own. annual_report.status stays the whole report's state (QUERIED while a recipient's
-- questions are open, ACCEPTED once every recipient has accepted).
CREATE TABLE annual_report_review (
    report_id         BIGINT       NOT NULL REFERENCES annual_report (id) ON DELETE CASCADE,
    -- COMMITTEE 上级党委 (the reporting organisation's parent), DISCIPLINE 上级纪委 (the parent's linked discipline body)
    recipient         VARCHAR(16)  NOT NULL,
    recipient_org_id  BIGINT       NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    -- SUBMITTED (waiting for this recipient), QUERIED, ACCEPTED
    status            VARCHAR(16)  NOT NULL,
    rounds            INT          NOT NULL DEFAULT 0,
    accepted_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (report_id, recipient)
);
CREATE INDEX annual_report_review_recipient_idx ON annual_report_review (recipient_org_id, status);

-- whose question it is
ALTER TABLE annual_report_question ADD COLUMN recipient VARCHAR(16) NOT NULL DEFAULT 'COMMITTEE';

-- reports submitted before: the upper committee's review as it stood; the discipline
-- commission receives those not yet accepted
INSERT INTO annual_report_review (report_id, recipient, recipient_org_id, status, rounds, accepted_at)
SELECT r.id, 'COMMITTEE', o.parent_id, r.status, r.rounds, r.accepted_at
FROM annual_report r JOIN org o ON o.id = r.org_id
WHERE r.status <> 'DRAFT' AND o.parent_id IS NOT NULL;

INSERT INTO annual_report_review (report_id, recipient, recipient_org_id, status, rounds, accepted_at)
SELECT r.id, 'DISCIPLINE', p.discipline_body_id, 'SUBMITTED', 0, NULL
FROM annual_report r JOIN org o ON o.id = r.org_id JOIN org p ON p.id = o.parent_id
WHERE r.status IN ('SUBMITTED', 'QUERIED') AND p.discipline_body_id IS NOT NULL;
