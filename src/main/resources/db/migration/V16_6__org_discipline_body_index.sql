-- Who a discipline body oversees (org.discipline_body_id) is read on every request: the caller's
-- grants include, for a DISCIPLINE grant, the organisations whose discipline body the granted
-- organisation is (access.internal.AccessScopes). Without an index that is a scan of the whole
-- tree, 0.2-0.6 s per request on the national tree (issue 18's load benchmark).
CREATE INDEX org_discipline_body_idx ON org (discipline_body_id);
