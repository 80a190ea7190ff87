-- The oversight snapshot's counts are the subtrees' only (docs/BENCHMARKS.md, "Oversight", seventh
-- run). The sweep counts every subtree in one pass in memory (zeren.oversight.SubtreeCounts) and
-- no longer stages counts in SQL; an organisation's own counts are read from its instances by the
-- dashboard (a few dozen rows by the primary key), so they are not stored.
DELETE FROM oversight_count WHERE scope <> 'TREE';
ALTER TABLE oversight_count DROP CONSTRAINT oversight_count_pk;
ALTER TABLE oversight_count DROP COLUMN scope;
ALTER TABLE oversight_count ADD CONSTRAINT oversight_count_pk PRIMARY KEY (obl_year, org_id, kind, due_month);
DROP TABLE oversight_count_stage;
