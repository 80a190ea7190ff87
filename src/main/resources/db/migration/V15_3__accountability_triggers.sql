-- Accountability (module accountability): the triggers of retrospective tracing (倒查). The
-- source text's last sentence on 一案双查: "如果因党委（党组）领导不力、不抓不管而导致不正之风长期
-- 滋生蔓延，屡屡出现重大腐败问题，或者发生系统性、区域性、长期性腐败问题而不制止、不查处、不报告，
-- 主要负责人不管是现职还是已经调离或者升迁，都要倒查追究责任。" A situation marked retrospective
-- pursues the principal and the discipline body of the case's period, wherever they are now.
-- Valid on PostgreSQL and on H2 (MODE=PostgreSQL).

ALTER TABLE acc_situation ADD COLUMN retrospective BOOLEAN DEFAULT FALSE NOT NULL;

-- Added only where an administrator has not taken the code already.
INSERT INTO acc_situation (code, name, concerns_lower, sort_order, active, retrospective)
SELECT 'S11', '因党委（党组）领导不力、不抓不管而导致不正之风长期滋生蔓延的', FALSE, 11, TRUE, TRUE
WHERE NOT EXISTS (SELECT 1 FROM acc_situation WHERE code = 'S11');
INSERT INTO acc_situation (code, name, concerns_lower, sort_order, active, retrospective)
SELECT 'S12', '因党委（党组）领导不力、不抓不管而屡屡出现重大腐败问题的', FALSE, 12, TRUE, TRUE
WHERE NOT EXISTS (SELECT 1 FROM acc_situation WHERE code = 'S12');
INSERT INTO acc_situation (code, name, concerns_lower, sort_order, active, retrospective)
SELECT 'S13', '发生系统性、区域性、长期性腐败问题而不制止、不查处、不报告的', FALSE, 13, TRUE, TRUE
WHERE NOT EXISTS (SELECT 1 FROM acc_situation WHERE code = 'S13');

-- The earlier cases of an organisation's subtree, for the repeat detection (连续发生 / 重复发生).
CREATE INDEX acc_case_situation_situation_idx ON acc_case_situation (situation_id, case_id);
