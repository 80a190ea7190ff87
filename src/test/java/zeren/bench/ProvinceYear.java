package zeren.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import zeren.org.Subtree;

/**
 * The year of one province that {@link ProvinceData} generates, in set-based SQL on PostgreSQL:
 * posts and tenures, lists and ledger tasks with their entries, letters, interviews, reports,
 * inspections with findings and rectifications, cases, tracked-item moves, and the unsealed audit
 * events. Deterministic by the seed: every choice is a hash of a code or an id with it.
 */
final class ProvinceYear {

	private final long seed;

	private final int year;

	private final LocalDate today;

	private final GenerationReport report;

	ProvinceYear(long seed, LocalDate today, GenerationReport report) {
		this.seed = seed;
		this.year = today.getYear();
		this.today = today;
		this.report = report;
	}

	// ---- the province's year, in set-based SQL -----------------------------------------------------

	/** A hash of {@code expression} with the seed, 0 to 9,999. */
	private String h(String expression) {
		return "(abs(hashtextextended((" + expression + ")::text, " + seed + ")) % 10000)";
	}

	private String date(LocalDate d) {
		return "DATE '" + d + "'";
	}

	void generate(Connection c, Subtree subtree, long province, long entries, long findings, long cases)
			throws SQLException {
		String y = String.valueOf(year);
		String jan1 = date(LocalDate.of(year, 1, 1));
		String now = "CURRENT_TIMESTAMP";
		long daysSoFar = today.toEpochDay() - LocalDate.of(year, 1, 1).toEpochDay();
		long t = System.nanoTime();
		try (PreparedStatement ps = c.prepareStatement("CREATE TEMP TABLE g_org AS SELECT o.id, o.parent_id, o.depth, o.name, o.code, "
				+ h("o.code") + " AS h FROM org o WHERE o.path >= ? AND o.path < ?")) {
			ps.setString(1, subtree.from());
			ps.setString(2, subtree.to());
			ps.execute();
		}
		execute(c, "CREATE UNIQUE INDEX ON g_org (id)");
		execute(c, "ANALYZE g_org");
		int rootDepth = (int) count(c, "SELECT depth FROM g_org WHERE id = " + province);
		// each organisation's city (the province's child above it), for the cities' inspections
		execute(c, """
				CREATE TEMP TABLE g_city AS
				SELECT o.id, CASE o.depth - %1$d WHEN 1 THEN o.id WHEN 2 THEN p1.id WHEN 3 THEN p2.id WHEN 4 THEN p3.id END AS city_id
				FROM g_org o LEFT JOIN org p1 ON p1.id = o.parent_id LEFT JOIN org p2 ON p2.id = p1.parent_id
				LEFT JOIN org p3 ON p3.id = p2.parent_id WHERE o.depth > %1$d""".formatted(rootDepth));
		execute(c, "CREATE UNIQUE INDEX ON g_city (id)");
		report.step("organisations of the province", count(c, "SELECT COUNT(*) FROM g_org"), t);

		// posts: five in a committee (fewer in a township), two in a village branch
		t = System.nanoTime();
		execute(c, """
				INSERT INTO post (org_id, title, kind, sort_order, active, created_at)
				SELECT o.id, k.title, k.kind, k.sort, TRUE, TIMESTAMP WITH TIME ZONE '2021-01-01 09:00:00+08'
				FROM g_org o CROSS JOIN (VALUES ('书记', 'SECRETARY', 1, 9), ('副书记', 'DEPUTY_SECRETARY', 2, 3),
				  ('纪委书记', 'DISCIPLINE_SECRETARY', 3, 3), ('组织委员', 'MEMBER', 4, 2), ('宣传委员', 'MEMBER', 5, 9)) k(title, kind, sort, depth)
				WHERE o.depth - %d <= k.depth ORDER BY o.id, k.sort""".formatted(rootDepth));
		execute(c, "CREATE TEMP TABLE g_post AS SELECT p.id, p.org_id, p.kind, p.sort_order, " + h("p.id")
				+ " % 100 AS ph FROM post p JOIN g_org o ON o.id = p.org_id");
		execute(c, "CREATE UNIQUE INDEX ON g_post (id)");
		execute(c, "CREATE INDEX ON g_post (org_id, sort_order)");
		execute(c, "ANALYZE g_post");
		// people: the holder's id is the post's (none in 6 % of the posts: vacant), a predecessor's the post's + 10^8
		// (12 % of the posts changed hands this year, 6 % were left vacant)
		String name = "substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤', "
				+ "1 + CAST(%1$s %% 100 AS INT), 1) || substr('伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉文辉海燕鹏飞宇浩然博晨曦德', "
				+ "1 + CAST(%1$s %% 53 AS INT), 1) || substr('伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉文辉海燕鹏飞宇浩然博晨曦德', "
				+ "1 + CAST((%1$s / 53) %% 53 AS INT), 1)";
		execute(c, "INSERT INTO person (id, name, org_id, created_at, updated_at) SELECT p.id, " + name.formatted(h("p.id * 7"))
				+ ", p.org_id, " + now + ", " + now + " FROM g_post p WHERE p.ph >= 6 ORDER BY p.id");
		execute(c, "INSERT INTO person (id, name, org_id, created_at, updated_at) SELECT p.id + 100000000, "
				+ name.formatted(h("p.id * 11")) + ", p.org_id, " + now + ", " + now + " FROM g_post p WHERE p.ph < 18 ORDER BY p.id");
		execute(c, "SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT MAX(id) FROM person))");
		// the day a post changed hands this year (the successor starts the day after)
		String handover = "(%s + CAST(%s %% %d AS INT) - 1)".formatted(jan1, h("p.id * 3"), Math.max(1, daysSoFar));
		execute(c, """
				INSERT INTO tenure (person_id, post_id, start_date, end_date, end_reason, created_at, ended_at)
				SELECT p.id + 100000000, p.id, DATE '2018-01-01' + CAST(p.ph * 7 AS INT), %1$s, 'TRANSFER', %2$s, %2$s
				FROM g_post p WHERE p.ph < 18 ORDER BY p.id""".formatted(handover, now));
		execute(c, """
				INSERT INTO tenure (person_id, post_id, start_date, created_at)
				SELECT p.id, p.id, CASE WHEN p.ph < 18 THEN %s + 1 ELSE DATE '2021-01-01' + CAST(p.ph * 9 AS INT) END, %s
				FROM g_post p WHERE p.ph >= 6 ORDER BY p.id""".formatted(handover, now));
		report.step("posts", count(c, "SELECT COUNT(*) FROM g_post"), t);

		// responsibility lists (88 % published, some late) and their items: 12 to 3 by level
		t = System.nanoTime();
		execute(c, """
				INSERT INTO duty_list (org_id, duty_year, status, version, created_at, updated_at, published_at)
				SELECT o.id, %1$s, CASE WHEN o.h %% 100 < 88 THEN 'PUBLISHED' ELSE 'DRAFT' END, CASE WHEN o.h %% 100 < 88 THEN 1 ELSE 0 END,
				  TIMESTAMP WITH TIME ZONE '%1$s-01-20 09:00:00+08', TIMESTAMP WITH TIME ZONE '%1$s-01-20 09:00:00+08',
				  CASE WHEN o.h %% 100 < 88 THEN TIMESTAMP WITH TIME ZONE '%1$s-02-10 10:00:00+08' + CAST(o.h %% 70 AS INT) * INTERVAL '1 day' END
				FROM g_org o ORDER BY o.id""".formatted(y));
		execute(c, """
				INSERT INTO duty_item (list_id, item_no, sort_order, category, task, goal, leader_post_id, lead_unit, deadline, created_at)
				SELECT l.id, CAST(g AS VARCHAR), g, k.category, '落实' || k.category || '工作（第 ' || g || ' 项）：' || k.task,
				  k.goal, (SELECT p.id FROM g_post p WHERE p.org_id = l.org_id
				           AND p.sort_order = CASE WHEN g %% 2 = 1 OR o.depth - %2$d = 4 THEN 1 ELSE 2 + g %% 3 END),
				  k.unit, CASE WHEN g %% 3 = 0 THEN DATE '%1$s-06-30' ELSE DATE '%1$s-12-31' END, l.created_at
				FROM duty_list l JOIN g_org o ON o.id = l.org_id
				CROSS JOIN LATERAL generate_series(1, CASE o.depth - %2$d WHEN 0 THEN 12 WHEN 1 THEN 10 WHEN 2 THEN 8 WHEN 3 THEN 5 ELSE 3 END) AS gs(g)
				JOIN (VALUES (0, '主体责任', '研究部署党风廉政建设和反腐败工作，召开专题会议不少于两次', '全年研究部署到位', '办公室'),
				  (1, '宣传教育', '开展廉政教育和警示教育，组织党员干部学习党纪法规', '教育覆盖全体党员干部', '宣传部'),
				  (2, '监督检查', '对下级党组织落实主体责任情况开展监督检查', '年内检查全覆盖', '纪委监委'),
				  (3, '作风建设', '整治形式主义官僚主义，落实中央八项规定精神', '问题整改到位', '组织部'),
				  (4, '制度建设', '完善权力运行制约和监督制度，健全廉政风险防控机制', '制度健全落实', '办公室'),
				  (5, '干部管理', '严格干部选拔任用，做好廉政审查和谈心谈话', '谈心谈话全覆盖', '组织部'))
				  k(n, category, task, goal, unit) ON k.n = g %% 6
				ORDER BY l.id, gs.g""".formatted(y, rootDepth));
		// the ledger: a tracked item for each item of a published list (as WorkLedger.sync opens them)
		execute(c, """
				INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_org_id, deadline, status,
				  created_at, updated_at, closed_at)
				SELECT 'ledger.task', CAST(di.id AS VARCHAR), l.org_id, %1$s, di.task, di.leader_post_id, COALESCE(o.parent_id, o.id), di.deadline,
				  CASE WHEN x.s < 18 THEN 'OPEN' WHEN x.s < 70 THEN 'IN_PROGRESS' WHEN x.s < 85 THEN 'SUBMITTED' ELSE 'CLOSED' END,
				  l.published_at, l.published_at, CASE WHEN x.s >= 85 THEN CURRENT_TIMESTAMP END
				FROM duty_item di JOIN duty_list l ON l.id = di.list_id JOIN g_org o ON o.id = l.org_id
				CROSS JOIN LATERAL (SELECT %2$s %% 100 AS s) x
				WHERE l.status = 'PUBLISHED' ORDER BY di.id""".formatted(y, h("di.id")));
		execute(c, """
				INSERT INTO ledger_task (duty_item_id, tracked_item_id, org_id, task_year, item_no, category, lead_unit, leader_post_id)
				SELECT di.id, t.id, t.org_id, %s, di.item_no, di.category, di.lead_unit, di.leader_post_id
				FROM tracked_item t JOIN duty_item di ON di.id = CAST(t.source_ref AS BIGINT) WHERE t.kind = 'ledger.task' ORDER BY t.id"""
				.formatted(y));
		report.step("ledger tasks of the published lists", count(c, "SELECT COUNT(*) FROM ledger_task"), t);

		// the ledger's entries: exactly `entries`, spread over the started items, dated from the list's publication to today
		t = System.nanoTime();
		execute(c, """
				CREATE TEMP TABLE g_item AS SELECT t.id, CAST(t.created_at AS DATE) AS since, row_number() OVER (ORDER BY t.id) AS rn
				FROM tracked_item t WHERE t.kind = 'ledger.task' AND t.status <> 'OPEN'""");
		long started = count(c, "SELECT COUNT(*) FROM g_item");
		if (started > 0) {
			long base = entries / started;
			long extra = entries % started;
			execute(c, """
					INSERT INTO tracked_entry (item_id, entry_date, text, recorded_by, recorded_at)
					SELECT i.id, e.d, k.text || '（' || to_char(e.d, 'YYYY-MM-DD') || '）', 'u' || i.id %% 997,
					  LEAST(CAST(e.d AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai' + INTERVAL '10 hours', CURRENT_TIMESTAMP)
					FROM (SELECT i.*, %1$d + CASE WHEN i.rn <= %2$d THEN 1 ELSE 0 END AS n FROM g_item i) i
					CROSS JOIN LATERAL generate_series(1, i.n) AS gs(g)
					CROSS JOIN LATERAL (SELECT i.since + CAST((%3$s - i.since) * g / (i.n + 1) AS INT) AS d) e
					JOIN (VALUES (0, '召开专题会议研究部署，形成会议纪要'), (1, '组织开展廉政警示教育，参加人员签到'),
					  (2, '开展监督检查，发现问题已列清单督促整改'), (3, '完成阶段性任务，报送工作情况'),
					  (4, '开展谈心谈话，记录在案'), (5, '修订完善相关制度，印发执行'), (6, '对照清单逐项自查，整改到位'))
					  k(n, text) ON k.n = g %% 7
					ORDER BY i.id, gs.g""".formatted(base, extra, date(today)));
		}
		execute(c, """
				UPDATE tracked_item t SET entry_count = e.n, last_entry_date = e.last
				FROM (SELECT item_id, COUNT(*) AS n, MAX(entry_date) AS last FROM tracked_entry GROUP BY item_id) e WHERE e.item_id = t.id""");
		report.step("ledger entries", count(c, "SELECT COUNT(*) FROM tracked_entry"), t);

		// letters from each organisation to each child's secretary: drafts, issued, signed
		t = System.nanoTime();
		execute(c, """
				INSERT INTO duty_letter (issuer_org_id, duty_year, kind, recipient_org_id, issuer_post_id, recipient_post_id,
				  issuer_org_name, issuer_post_title, recipient_org_name, recipient_post_title, title, preamble, status, content,
				  content_sha256, created_at, issued_at, signed_at)
				SELECT u.id, %1$s, 'ORG', o.id, up.id, op.id, u.name, '书记', o.name, '书记', '%1$s年度全面从严治党主体责任书', '为落实全面从严治党主体责任，签订本责任书。',
				  CASE WHEN o.h %% 100 < 8 THEN 'DRAFT' WHEN o.h %% 100 < 30 THEN 'ISSUED' ELSE 'SIGNED' END,
				  CASE WHEN o.h %% 100 >= 8 THEN 'format=zeren-letter/1' END, CASE WHEN o.h %% 100 >= 8 THEN md5(o.code) || md5(u.code) END,
				  TIMESTAMP WITH TIME ZONE '%1$s-02-01 09:00:00+08',
				  CASE WHEN o.h %% 100 >= 8 THEN TIMESTAMP WITH TIME ZONE '%1$s-02-10 09:00:00+08' END,
				  CASE WHEN o.h %% 100 >= 30 THEN TIMESTAMP WITH TIME ZONE '%1$s-02-20 09:00:00+08' END
				FROM g_org o JOIN g_org u ON u.id = o.parent_id JOIN g_post up ON up.org_id = u.id AND up.sort_order = 1
				JOIN g_post op ON op.org_id = o.id AND op.sort_order = 1 ORDER BY o.id""".formatted(y));
		for (String[] side : new String[][] { { "ISSUER", "issuer_post_id" }, { "RECIPIENT", "recipient_post_id" } }) {
			execute(c, """
					INSERT INTO duty_letter_signature (letter_id, party, person_id, post_id, username, signed_on, signed_at, content_sha256)
					SELECT l.id, '%1$s', pe.id, l.%2$s, 'u' || l.%2$s, DATE '%3$s-02-20', l.signed_at, l.content_sha256
					FROM duty_letter l JOIN person pe ON pe.id = CASE WHEN EXISTS (SELECT 1 FROM person x WHERE x.id = l.%2$s + 100000000)
					  THEN l.%2$s + 100000000 ELSE l.%2$s END
					WHERE l.status = 'SIGNED' ORDER BY l.id""".formatted(side[0], side[1], y));
		}
		report.step("responsibility letters", count(c, "SELECT COUNT(*) FROM duty_letter"), t);

		// interviews: each organisation's secretary interviews the secretary of 85 % of its children, once this year
		t = System.nanoTime();
		long interviewBase = count(c, "SELECT COALESCE(MAX(id), 0) FROM interview");
		execute(c, """
				INSERT INTO interview (id, org_id, interview_date, kind, interviewer_person_id, interviewer_post_id, content, created_by, created_at)
				SELECT %1$d + x.cid, x.uid, x.d, CASE WHEN x.h %% 10 = 0 THEN 'REMINDER' ELSE 'ROUTINE' END, ta.person_id, ap.id,
				  '就落实全面从严治党主体责任情况进行谈话，听取汇报，提出要求。', 'u' || x.uid, CAST(x.d AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai'
				FROM (SELECT ch.id AS cid, ch.parent_id AS uid, ch.h, %2$s + CAST(ch.h %% %3$d AS INT) AS d
				      FROM g_org ch JOIN g_org u ON u.id = ch.parent_id WHERE ch.h %% 100 < 85) x
				JOIN g_post ap ON ap.org_id = x.uid AND ap.sort_order = 1
				JOIN tenure ta ON ta.post_id = ap.id AND ta.start_date <= x.d AND (ta.end_date IS NULL OR ta.end_date >= x.d)
				ORDER BY x.cid""".formatted(interviewBase, jan1, Math.max(1, daysSoFar)));
		execute(c, """
				INSERT INTO interview_interviewee (interview_id, post_id, person_id, sort_order)
				SELECT i.id, bp.id, tb.person_id, 1 FROM interview i
				JOIN g_post bp ON bp.org_id = i.id - %d AND bp.sort_order = 1
				JOIN tenure tb ON tb.post_id = bp.id AND tb.start_date <= i.interview_date AND (tb.end_date IS NULL OR tb.end_date >= i.interview_date)
				ORDER BY i.id""".formatted(interviewBase));
		execute(c, "DELETE FROM interview i WHERE NOT EXISTS (SELECT 1 FROM interview_interviewee x WHERE x.interview_id = i.id)");
		execute(c, "SELECT setval(pg_get_serial_sequence('interview', 'id'), (SELECT MAX(id) FROM interview))");
		report.step("interviews", count(c, "SELECT COUNT(*) FROM interview"), t);

		// last year's annual reports of every organisation below the province: 10 % drafts, some late
		t = System.nanoTime();
		int last = year - 1;
		execute(c, """
				INSERT INTO annual_report (org_id, report_year, kind, title, body, status, deadline, author_post_id, author_person_id,
				  submitted_on, submitted_at, late, rounds, accepted_at, created_at, updated_at)
				SELECT o.id, %1$d, 'COMMITTEE', o.name || '%1$d年度落实全面从严治党主体责任情况报告', '一、主要工作。二、存在问题。三、下一步打算。',
				  CASE WHEN o.h %% 100 < 10 THEN 'DRAFT' WHEN o.h %% 100 < 70 THEN 'SUBMITTED' ELSE 'ACCEPTED' END, DATE '%2$s-01-31', p.id, pe.id,
				  CASE WHEN o.h %% 100 >= 10 THEN DATE '%2$s-01-10' + CAST(o.h %% 30 AS INT) END,
				  CASE WHEN o.h %% 100 >= 10 THEN CAST(DATE '%2$s-01-10' + CAST(o.h %% 30 AS INT) AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai' END,
				  CASE WHEN o.h %% 100 >= 10 THEN o.h %% 30 > 21 END, CASE WHEN o.h %% 100 >= 10 THEN 1 ELSE 0 END,
				  CASE WHEN o.h %% 100 >= 70 THEN TIMESTAMP WITH TIME ZONE '%2$s-03-01 09:00:00+08' END,
				  TIMESTAMP WITH TIME ZONE '%2$s-01-05 09:00:00+08', TIMESTAMP WITH TIME ZONE '%2$s-01-05 09:00:00+08'
				FROM g_org o JOIN g_post p ON p.org_id = o.id AND p.sort_order = 1
				JOIN tenure te ON te.post_id = p.id AND te.start_date <= DATE '%2$s-01-05' AND (te.end_date IS NULL OR te.end_date >= DATE '%2$s-01-05')
				JOIN person pe ON pe.id = te.person_id
				WHERE o.parent_id IS NOT NULL AND o.id <> %3$d ORDER BY o.id""".formatted(last, y, province));
		report.step("annual reports of " + last, count(c, "SELECT COUNT(*) FROM annual_report"), t);

		// inspections: the province tours its cities, each city its counties; findings and their rectifications
		t = System.nanoTime();
		execute(c, """
				INSERT INTO inspection (org_id, kind, title, start_date, end_date, created_at)
				SELECT o.id, 'TOUR', o.name || '委%1$s年第一轮巡视巡察', DATE '%1$s-03-01', DATE '%1$s-05-31', TIMESTAMP WITH TIME ZONE '%1$s-02-25 09:00:00+08'
				FROM g_org o WHERE o.id = %2$d OR o.parent_id = %2$d ORDER BY o.id""".formatted(y, province));
		execute(c, """
				INSERT INTO inspection_target (inspection_id, org_id, include_subtree)
				SELECT i.id, o.id, TRUE FROM inspection i JOIN g_org o ON o.parent_id = i.org_id ORDER BY i.id, o.id""");
		execute(c, """
				INSERT INTO inspection_focus (inspection_id, focus_no, text)
				SELECT i.id, k.n, k.text FROM inspection i CROSS JOIN (VALUES (1, '贯彻落实党中央决策部署情况'), (2, '落实全面从严治党主体责任情况'),
				  (3, '落实中央八项规定精神情况'), (4, '选人用人和基层党组织建设情况'), (5, '整改落实情况')) k(n, text) ORDER BY i.id, k.n""");
		execute(c, """
				CREATE TEMP TABLE g_finding AS
				SELECT o.id AS org_id, g, row_number() OVER (ORDER BY %1$s, o.id, g) AS rn
				FROM g_org o JOIN g_city ct ON ct.id = o.id CROSS JOIN generate_series(1, 3) AS gs(g)
				WHERE o.depth - %2$d >= 2 ORDER BY 3 LIMIT %3$d""".formatted(h("o.code || '-' || g"), rootDepth, findings));
		execute(c, """
				INSERT INTO inspection_finding (inspection_id, org_id, focus_no, description, severity, created_at)
				SELECT CASE WHEN f.rn %% 10 < 3 THEN pi.id ELSE ci.id END, f.org_id, 1 + CAST(f.rn %% 5 AS INT),
				  o.name || '：' || k.text, CASE WHEN f.rn %% 10 < 6 THEN 'GENERAL' WHEN f.rn %% 10 < 9 THEN 'SERIOUS' ELSE 'GRAVE' END,
				  TIMESTAMP WITH TIME ZONE '%1$s-05-20 09:00:00+08'
				FROM g_finding f JOIN g_org o ON o.id = f.org_id JOIN g_city ct ON ct.id = f.org_id
				JOIN inspection pi ON pi.org_id = %2$d JOIN inspection ci ON ci.org_id = ct.city_id
				JOIN (VALUES (0, '主体责任落实不到位，研究部署党风廉政建设不及时'), (1, '廉政教育流于形式，警示教育覆盖不全'),
				  (2, '监督检查发现的问题整改不彻底'), (3, '违规发放津贴补贴问题仍有发生'), (4, '“三重一大”事项决策程序不规范'))
				  k(n, text) ON k.n = f.rn %% 5
				ORDER BY f.rn""".formatted(y, province));
		execute(c, """
				INSERT INTO inspection_finding_post (finding_id, post_id)
				SELECT f.id, p.id FROM inspection_finding f JOIN g_post p ON p.org_id = f.org_id AND p.sort_order = 1 ORDER BY f.id""");
		execute(c, """
				INSERT INTO tracked_item (kind, source_ref, org_id, item_year, title, owner_post_id, verifier_org_id, deadline, status,
				  created_at, updated_at, closed_at)
				SELECT 'inspection.rectification', CAST(f.id AS VARCHAR), f.org_id, %1$s, '整改：' || f.description, p.post_id, i.org_id,
				  CASE WHEN f.id %% 3 = 0 THEN DATE '%1$s-08-31' WHEN f.id %% 3 = 1 THEN DATE '%1$s-11-30' ELSE DATE '%1$s-12-31' END,
				  CASE WHEN x.s < 10 THEN 'OPEN' WHEN x.s < 50 THEN 'IN_PROGRESS' WHEN x.s < 70 THEN 'SUBMITTED' ELSE 'CLOSED' END,
				  TIMESTAMP WITH TIME ZONE '%1$s-06-10 09:00:00+08', TIMESTAMP WITH TIME ZONE '%1$s-06-10 09:00:00+08',
				  CASE WHEN x.s >= 70 THEN CURRENT_TIMESTAMP END
				FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id JOIN inspection_finding_post p ON p.finding_id = f.id
				CROSS JOIN LATERAL (SELECT %2$s %% 100 AS s) x ORDER BY f.id""".formatted(y, h("f.id")));
		execute(c, """
				INSERT INTO inspection_rectification (finding_id, tracked_item_id, problems, measures, responsible_post_id, deadline, created_at)
				SELECT CAST(t.source_ref AS BIGINT), t.id, '问题清单：' || t.title, '整改措施：建立台账，逐项销号，举一反三。', t.owner_post_id, t.deadline, t.created_at
				FROM tracked_item t WHERE t.kind = 'inspection.rectification' ORDER BY t.id""");
		// two progress entries for each started rectification
		execute(c, """
				INSERT INTO tracked_entry (item_id, entry_date, text, recorded_by, recorded_at)
				SELECT t.id, DATE '%s-06-20' + g * 30, '整改进展：第 ' || g || ' 阶段措施已落实', 'u' || t.org_id %% 997, t.created_at + g * INTERVAL '30 days'
				FROM tracked_item t CROSS JOIN generate_series(1, 2) AS gs(g) WHERE t.kind = 'inspection.rectification' AND t.status <> 'OPEN'
				ORDER BY t.id, gs.g""".formatted(y));
		execute(c, """
				UPDATE tracked_item t SET entry_count = 2, last_entry_date = DATE '%s-06-20' + 60
				WHERE t.kind = 'inspection.rectification' AND t.status <> 'OPEN'""".formatted(y));
		report.step("inspection findings, each with its rectification", count(c, "SELECT COUNT(*) FROM inspection_rectification"), t);

		// the history of every tracked item: opened, started, submitted, closed as its status says
		t = System.nanoTime();
		execute(c, """
				INSERT INTO tracked_move (item_id, action, from_status, to_status, note, username, moved_at)
				SELECT t.id, m.action, m.from_status, m.to_status, NULL, CASE WHEN m.n = 0 THEN 'system' ELSE 'u' || t.org_id % 997 END,
				  t.created_at + m.n * INTERVAL '20 days'
				FROM tracked_item t CROSS JOIN (VALUES (0, 'OPEN', NULL, 'OPEN', 0), (1, 'START', 'OPEN', 'IN_PROGRESS', 1),
				  (2, 'SUBMIT', 'IN_PROGRESS', 'SUBMITTED', 2), (3, 'CLOSE', 'SUBMITTED', 'CLOSED', 3)) m(n, action, from_status, to_status, rank)
				WHERE m.rank <= CASE t.status WHEN 'OPEN' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'SUBMITTED' THEN 2 ELSE 3 END
				ORDER BY t.id, m.n""");
		report.step("tracked-item moves", count(c, "SELECT COUNT(*) FROM tracked_move"), t);

		// accountability cases at organisations below the province: registered, investigating, reported, decided
		t = System.nanoTime();
		execute(c, """
				CREATE TEMP TABLE g_case_org AS SELECT o.id, o.name, row_number() OVER (ORDER BY %1$s, o.id) AS rn
				FROM g_org o WHERE o.depth - %2$d >= 1 ORDER BY 3 LIMIT %3$d""".formatted(h("'case' || o.code"), rootDepth, cases));
		execute(c, """
				INSERT INTO acc_case (org_id, origin, title, period_from, period_to, facts, status, registered_on, opened_on,
				  opening_approved_by, reported_on, report, decided_on, created_at, updated_at)
				SELECT o.id, CASE WHEN o.rn %% 3 = 0 THEN 'INSPECTION_TOUR' WHEN o.rn %% 3 = 1 THEN 'INSPECTION_FINDING' ELSE 'REPORT' END,
				  '关于' || o.name || '落实主体责任不力问题的问责', DATE '%1$d-01-01', DATE '%1$d-12-31', '经查，该单位落实全面从严治党主体责任不力。',
				  CASE WHEN o.rn %% 20 < 5 THEN 'REGISTERED' WHEN o.rn %% 20 < 10 THEN 'INVESTIGATING' WHEN o.rn %% 20 < 12 THEN 'REPORTED' ELSE 'DECIDED' END,
				  r.d, CASE WHEN o.rn %% 20 >= 5 THEN r.d + 5 END, CASE WHEN o.rn %% 20 >= 5 THEN '书记' END,
				  CASE WHEN o.rn %% 20 >= 10 THEN r.d + 30 END, CASE WHEN o.rn %% 20 >= 10 THEN '调查报告' END,
				  CASE WHEN o.rn %% 20 >= 12 THEN r.d + 45 END, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM g_case_org o CROSS JOIN LATERAL (SELECT %2$s + CAST(o.rn %% %3$d AS INT) AS d) r ORDER BY o.rn"""
				.formatted(last, jan1, Math.max(1, daysSoFar - 50)));
		long s03 = count(c, "SELECT id FROM acc_situation WHERE code = 'S03'");
		execute(c, "INSERT INTO acc_case_situation (case_id, situation_id) SELECT c.id, " + s03
				+ " FROM acc_case c JOIN g_org o ON o.id = c.org_id ORDER BY c.id");
		execute(c, """
				INSERT INTO acc_party (case_id, person_id, responsibility, disposition, grounds, disposition_reason, fact_statement_shown_on,
				  statement_on, statement, created_at, updated_at)
				SELECT c.id, te.person_id, 'PRINCIPAL_LEADERSHIP', 'CONFIRMED', '依据', '属实', c.opened_on + 10, c.opened_on + 11, '无异议',
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM acc_case c JOIN g_post p ON p.org_id = c.org_id AND p.sort_order = 1
				JOIN tenure te ON te.post_id = p.id AND te.start_date <= DATE '%1$d-12-31' AND (te.end_date IS NULL OR te.end_date >= DATE '%1$d-01-01')
				WHERE c.status <> 'REGISTERED' AND te.id = (SELECT MIN(t2.id) FROM tenure t2 WHERE t2.post_id = p.id) ORDER BY c.id"""
				.formatted(last));
		execute(c, """
				INSERT INTO acc_party (case_id, party_org_id, responsibility, disposition, grounds, disposition_reason, fact_statement_shown_on,
				  statement_on, statement, created_at, updated_at)
				SELECT c.id, c.org_id, 'FULL_LEADERSHIP', 'CONFIRMED', '依据', '属实', c.opened_on + 10, c.opened_on + 11, '无异议',
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM acc_case c JOIN g_org o ON o.id = c.org_id WHERE c.status <> 'REGISTERED' ORDER BY c.id""");
		execute(c, """
				INSERT INTO acc_decision (party_id, version, kind, outcome, decided_on, authority, superseded, username, created_at)
				SELECT p.id, 1, 'DECISION', 'ACCOUNTABLE', c.decided_on, '上级党委', FALSE, 'u' || c.org_id % 997, CURRENT_TIMESTAMP
				FROM acc_party p JOIN acc_case c ON c.id = p.case_id JOIN g_org o ON o.id = c.org_id WHERE c.status = 'DECIDED' ORDER BY p.id""");
		execute(c, """
				INSERT INTO acc_decision_form (decision_id, form)
				SELECT d.id, CASE WHEN p.person_id IS NULL THEN 'ORG_SELF_EXAMINATION' WHEN d.id % 2 = 0 THEN 'CIRCULATION' ELSE 'ADMONISHMENT' END
				FROM acc_decision d JOIN acc_party p ON p.id = d.party_id ORDER BY d.id""");
		report.step("accountability cases", count(c, "SELECT COUNT(*) FROM acc_case"), t);
	}

	/**
	 * Audit events up to {@code total} in all: the ones the generated year would have written (each
	 * tracked item's moves and entries, interviews, reports, letters, findings, cases), oldest first,
	 * inserted unsealed with ids from the trail's sequence, as {@link AuditTrail} inserts them.
	 */
	void auditEvents(Connection c, long total) throws SQLException {
		long missing = total - count(c, "SELECT COUNT(*) FROM audit_event");
		if (missing <= 0) {
			return;
		}
		long base = count(c, "SELECT nextval('audit_event_id_seq')");
		execute(c, """
				INSERT INTO audit_event (id, occurred_at, username, org_id, entity_type, entity_id, action, summary, client_address)
				SELECT %1$d - 1 + row_number() OVER (ORDER BY e.at, e.kind, e.sub), e.at, e.username, e.org_id, e.type, e.entity, e.action,
				  e.summary, '10.43.' || (e.org_id %% 250) || '.' || (e.org_id / 250 %% 250)
				FROM (
				  SELECT m.moved_at AS at, 1 AS kind, m.id AS sub, CAST(t.id AS VARCHAR) AS entity, m.username, t.org_id, 'tracked-item' AS type,
				    m.action, 'item=' || t.id || ' ' || m.action || ' ' || COALESCE(m.from_status, '') || '->' || m.to_status AS summary
				  FROM tracked_move m JOIN tracked_item t ON t.id = m.item_id
				  UNION ALL
				  SELECT e.recorded_at, 2, e.id, CAST(t.id AS VARCHAR), e.recorded_by, t.org_id, 'tracked-item', 'ENTRY',
				    'item=' || t.id || ' date=' || e.entry_date || ' text=' || e.text
				  FROM tracked_entry e JOIN tracked_item t ON t.id = e.item_id
				  UNION ALL
				  SELECT i.created_at, 3, i.id, CAST(i.id AS VARCHAR), i.created_by, i.org_id, 'interview', 'RECORD', 'date=' || i.interview_date || ' kind=' || i.kind
				  FROM interview i
				  UNION ALL
				  SELECT r.submitted_at, 4, r.id, CAST(r.id AS VARCHAR), 'u' || r.org_id %% 997, r.org_id, 'report', 'SUBMIT', 'year=' || r.report_year
				  FROM annual_report r WHERE r.submitted_at IS NOT NULL
				  UNION ALL
				  SELECT l.issued_at, 5, l.id, CAST(l.id AS VARCHAR), 'u' || l.issuer_org_id %% 997, l.issuer_org_id, 'letter', 'ISSUE', l.title
				  FROM duty_letter l WHERE l.issued_at IS NOT NULL
				  UNION ALL
				  SELECT f.created_at, 6, f.id, CAST(f.id AS VARCHAR), 'u' || f.org_id %% 997, f.org_id, 'inspection-finding', 'CREATE', f.description
				  FROM inspection_finding f
				  UNION ALL
				  SELECT c.created_at, 7, c.id, CAST(c.id AS VARCHAR), 'u' || c.org_id %% 997, c.org_id, 'accountability-case', 'REGISTER', c.title
				  FROM acc_case c
				) e ORDER BY e.at, e.kind, e.sub LIMIT %2$d""".formatted(base, missing));
		execute(c, "SELECT setval('audit_event_id_seq', (SELECT MAX(id) FROM audit_event))");
	}

	static long count(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}
}
