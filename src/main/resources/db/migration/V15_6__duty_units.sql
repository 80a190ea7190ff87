-- Numbered V15_6: V15_5 (the situation analysis) reached main first, and Flyway refuses a lower
-- version arriving after a higher one on a migrated database.
-- 明责: the lead, participating and supervising units of a list item are organisations of the
-- tree (牵头单位、参与单位、监督单位); the free texts of V3 stay, as the fallback for a unit that is
-- not in the tree (and for the items written before). A unit is the list's organisation or one
-- below it (checked by the duty module). Valid on PostgreSQL and on H2 (MODE=PostgreSQL).
ALTER TABLE duty_item ADD COLUMN lead_org_id BIGINT;
ALTER TABLE duty_item ADD COLUMN supervising_org_id BIGINT;
ALTER TABLE duty_item ADD CONSTRAINT duty_item_lead_org_fk FOREIGN KEY (lead_org_id) REFERENCES org (id) ON DELETE SET NULL;
ALTER TABLE duty_item ADD CONSTRAINT duty_item_supervising_org_fk FOREIGN KEY (supervising_org_id) REFERENCES org (id) ON DELETE SET NULL;
CREATE INDEX duty_item_lead_org_idx ON duty_item (lead_org_id);
CREATE INDEX duty_item_supervising_org_idx ON duty_item (supervising_org_id);

-- the participating units of an item, in the order chosen
CREATE TABLE duty_item_participant (
    item_id     BIGINT NOT NULL REFERENCES duty_item (id) ON DELETE CASCADE,
    org_id      BIGINT NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    sort_order  INT    NOT NULL,
    PRIMARY KEY (item_id, org_id)
);
-- a unit's part in the lists ("which items name us"): by organisation
CREATE INDEX duty_item_participant_org_idx ON duty_item_participant (org_id, item_id);

-- "1+X" targeting: which organisations below a requirement reaches. reach: NEXT_LEVEL (the
-- publisher's children) or ALL_LEVELS (its whole subtree); target_types: the organisation types
-- reached, comma-separated OrgType names. Requirements published before reached every
-- organisation below, of every type: ALL_LEVELS with no types (NULL: every type).
ALTER TABLE duty_requirement ADD COLUMN reach VARCHAR(16) NOT NULL DEFAULT 'ALL_LEVELS';
ALTER TABLE duty_requirement ADD COLUMN target_types VARCHAR(300);
