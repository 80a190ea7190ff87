-- The work ledger (module ledger): every task of a published responsibility list is a tracked
-- item (kind 'ledger.task', source_ref = the duty item's id). ledger_task keeps what the
-- reconciliation groups by, as the list said when it was last published or amended.

-- A task whose list names no responsible leader yet is owned by its organisation as a whole
-- (its owner side is the organisation's grants either way).
ALTER TABLE tracked_item ALTER COLUMN owner_post_id DROP NOT NULL;

CREATE TABLE ledger_task (
    duty_item_id     BIGINT        PRIMARY KEY,
    tracked_item_id  BIGINT        NOT NULL REFERENCES tracked_item (id) ON DELETE CASCADE,
    org_id           BIGINT        NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    task_year        INT           NOT NULL,
    item_no          VARCHAR(32),
    category         VARCHAR(200),
    lead_unit        VARCHAR(200),
    leader_post_id   BIGINT        REFERENCES post (id) ON DELETE SET NULL,
    -- removed from the list by an amendment: kept with its entries, left out of reconciliation
    removed          BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX ledger_task_org_idx ON ledger_task (org_id, task_year);
CREATE UNIQUE INDEX ledger_task_tracked_uk ON ledger_task (tracked_item_id);
