-- The red list of a dashboard (the oldest overdue instances of a subtree, first 50) walks this
-- index in its order and stops at the fiftieth row that lies in the subtree, instead of sorting
-- every overdue instance of the subtree (at the national root: all of them). Valid on
-- PostgreSQL and on H2.
CREATE INDEX oversight_obligation_overdue_idx ON oversight_obligation (obl_year, status, due_date, org_id, kind, subject);
DROP INDEX oversight_obligation_status_idx;
