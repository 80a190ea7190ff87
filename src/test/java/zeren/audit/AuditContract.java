package zeren.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.support.ApiTest;

abstract class AuditContract extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@Autowired
	OrgTree tree;

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
	}

	@Test
	void a_committed_change_has_its_event_with_user_organisation_and_address() throws Exception {
		String code = unique();
		mvc.perform(postJson("/api/v1/orgs", "{\"code\":\"%s\",\"name\":\"审计\",\"type\":\"党委\"}".formatted(code)))
				.andExpect(status().isCreated());
		Org org = tree.findByCode(code).orElseThrow();
		AuditEvent event = jdbc.sql("SELECT * FROM audit_event WHERE entity_type = 'org' AND entity_id = :id AND action = 'CREATE'")
				.param("id", String.valueOf(org.id())).query(AuditTrail.EVENT).single();
		assertThat(event.username()).isEqualTo("admin");
		assertThat(event.orgId()).isEqualTo(org.id());
		assertThat(event.clientAddress()).isEqualTo("127.0.0.1");
		assertThat(event.summary()).contains(code);
	}

	@Test
	void a_failed_change_leaves_no_event() throws Exception {
		long before = count();
		mvc.perform(postJson("/api/v1/orgs", "{\"code\":\"\",\"name\":\"\"}")).andExpect(status().isBadRequest());
		mvc.perform(postJson("/api/v1/orgs/987654321/move", "{\"parentId\":1}")).andExpect(status().isNotFound());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void recording_outside_a_transaction_is_refused() {
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> trail.record(new AuditTrail.Change(null, "x", 1, "X", null))).isInstanceOf(IllegalStateException.class);
	}

	AuditEvent atSeq(long seq) {
		return jdbc.sql("SELECT * FROM audit_event WHERE seq = :seq").param("seq", seq).query(AuditTrail.EVENT).single();
	}

	long lastSeq() {
		return jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
	}

	void insert(AuditEvent e) {
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, username, org_id, entity_type, entity_id, action, summary,
				  client_address, prev_hash, hash, seq)
				VALUES (:id, :at, :user, :org, :type, :entity, :action, :summary, :address, :prev, :hash, :seq)
				""").param("id", e.id())
				.param("at", java.time.OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC))
				.param("user", e.username()).param("org", e.orgId()).param("type", e.entityType())
				.param("entity", e.entityId()).param("action", e.action()).param("summary", e.summary())
				.param("address", e.clientAddress()).param("prev", e.prevHash()).param("hash", e.hash())
				.param("seq", e.seq()).update();
	}

	@Test
	void a_row_changed_or_removed_in_the_database_breaks_the_chain_where_it_was_touched() throws Exception {
		tree.create(new OrgTree.NewOrg(unique(), "链", OrgType.BRANCH, null, null, null));
		tree.create(new OrgTree.NewOrg(unique(), "链", OrgType.BRANCH, null, null, null));
		trail.seal();
		mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
				.andExpect(jsonPath("$.unsealed").value(0)).andExpect(jsonPath("$.firstBrokenId").doesNotExist());
		AuditEvent last = atSeq(lastSeq());
		AuditEvent victim = atSeq(last.seq() - 1);
		try {
			jdbc.sql("UPDATE audit_event SET summary = 'forged' WHERE id = :id").param("id", victim.id()).update();
			mvc.perform(get("/api/v1/audit/verify")).andExpect(jsonPath("$.valid").value(false))
					.andExpect(jsonPath("$.firstBrokenId").value(victim.id()));
		}
		finally {
			jdbc.sql("UPDATE audit_event SET summary = :s WHERE id = :id").param("s", victim.summary())
					.param("id", victim.id()).update();
		}
		assertThat(trail.verify().valid()).isTrue();

		try {
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", victim.id()).update();
			AuditTrail.Verification broken = trail.verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(last.id());
		}
		finally {
			insert(victim);
		}
		assertThat(trail.verify().valid()).isTrue();

		// the last event removed: the chain ends short of its head
		try {
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", last.id()).update();
			AuditTrail.Verification broken = trail.verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(last.id());
		}
		finally {
			insert(last);
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void an_event_inserted_in_the_database_breaks_the_chain_even_with_a_correct_hash() throws Exception {
		tree.create(new OrgTree.NewOrg(unique(), "插入", OrgType.BRANCH, null, null, null));
		trail.seal();
		AuditEvent last = atSeq(lastSeq());
		long forgedId = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single() + 1000;
		AuditEvent unchained = new AuditEvent(forgedId, last.occurredAt(), "admin", null, "org", "1", "DELETE", "forged",
				"127.0.0.1", null, null, null);
		// appended after the head, hashed as the sealer would: the head does not name it
		AuditEvent forged = unchained.chained(last.seq() + 1, last.hash());
		try {
			insert(forged);
			AuditTrail.Verification broken = trail.verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(forgedId);
		}
		finally {
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", forgedId).update();
		}
		// placed in the middle of the chain: its hash does not link to its neighbours
		AuditEvent before = atSeq(last.seq() - 1);
		try {
			jdbc.sql("UPDATE audit_event SET seq = seq + 1000000 WHERE id = :id").param("id", last.id()).update();
			insert(unchained.chained(last.seq(), before.hash()));
			jdbc.sql("UPDATE audit_event SET seq = :seq WHERE id = :id").param("seq", last.seq() + 1).param("id", last.id())
					.update();
			AuditTrail.Verification broken = trail.verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(last.id());
		}
		finally {
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", forgedId).update();
			jdbc.sql("UPDATE audit_event SET seq = :seq WHERE id = :id").param("seq", last.seq()).param("id", last.id())
					.update();
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void committed_events_not_sealed_yet_are_reported_as_unverified_until_the_sealer_chains_them() throws Exception {
		trail.seal();
		AuditTrail.Verification sealed = trail.verify();
		assertThat(sealed.unsealed()).isZero();
		tree.create(new OrgTree.NewOrg(unique(), "未封", OrgType.BRANCH, null, null, null));
		tree.create(new OrgTree.NewOrg(unique(), "未封", OrgType.BRANCH, null, null, null));
		AuditTrail.Verification pending = trail.verify();
		assertThat(pending.valid()).isTrue();
		assertThat(pending.unsealed()).isEqualTo(2);
		assertThat(pending.checked()).isEqualTo(sealed.checked());
		mvc.perform(get("/api/v1/audit/verify")).andExpect(jsonPath("$.unsealed").value(2));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE seq IS NULL AND hash IS NULL").query(Long.class).single())
				.isEqualTo(2);

		sealer.scheduled();
		AuditTrail.Verification after = trail.verify();
		assertThat(after.valid()).isTrue();
		assertThat(after.unsealed()).isZero();
		assertThat(after.checked()).isEqualTo(sealed.checked() + 2);
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void an_event_committed_late_with_a_lower_id_is_sealed_after_higher_ones() throws Exception {
		trail.seal();
		java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
		String code = unique();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		// a transaction that draws its event's id first and commits last
		Future<?> late = pool.submit(() -> zeren.platform.SystemWork.run("audit-late-test", () ->
				new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(s -> {
					trail.record(new AuditTrail.Change(null, "test", code, "LATE", "late"));
					org.springframework.transaction.support.TransactionSynchronizationManager.getSynchronizations()
							.forEach(sync -> sync.beforeCommit(false));
					org.springframework.transaction.support.TransactionSynchronizationManager.unbindResource(trail);
					org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
					org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
					inserted.countDown();
					try {
						commit.await();
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
				})));
		try {
			assertThat(inserted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			tree.create(new OrgTree.NewOrg(unique(), "先交", OrgType.BRANCH, null, null, null));
			long higher = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
			// the late event's transaction is in flight: the sealer cannot see it, and does not wait for it
			assertThat(trail.seal()).isEqualTo(1);
			assertThat(trail.verify().unsealed()).isZero();
			commit.countDown();
			late.get();
			long early = jdbc.sql("SELECT id FROM audit_event WHERE entity_type = 'test' AND entity_id = :code")
					.param("code", code).query(Long.class).single();
			assertThat(early).isLessThan(higher);
			assertThat(trail.verify().unsealed()).isEqualTo(1);
			assertThat(trail.seal()).isEqualTo(1);
			AuditTrail.Verification verification = trail.verify();
			assertThat(verification.valid()).isTrue();
			assertThat(verification.unsealed()).isZero();
			long seqEarly = jdbc.sql("SELECT seq FROM audit_event WHERE id = :id").param("id", early).query(Long.class).single();
			long seqHigher = jdbc.sql("SELECT seq FROM audit_event WHERE id = :id").param("id", higher).query(Long.class).single();
			assertThat(seqEarly).isGreaterThan(seqHigher);
		}
		finally {
			commit.countDown();
			pool.shutdown();
		}
	}

	@Test
	void concurrent_writers_append_one_after_another_without_forking_the_chain() throws Exception {
		long before = count();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> done = new ArrayList<>();
		String p = unique();
		for (int t = 0; t < 6; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				// threads of the pool have no user: the writers are system work
				zeren.platform.SystemWork.run("audit-chain-test", () -> {
					for (int i = 0; i < 5; i++) {
						tree.create(new OrgTree.NewOrg(p + thread + "-" + i, "并发", OrgType.BRANCH, null, null, null));
					}
				});
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();
		assertThat(count()).isEqualTo(before + 30);
		trail.seal();
		AuditTrail.Verification verification = trail.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.checked()).isEqualTo(count());
	}

	@Test
	void a_discipline_user_reads_and_exports_only_the_events_of_their_subtree() throws Exception {
		String p = unique();
		Org mine = tree.create(new OrgTree.NewOrg(p + "mine", p + "本县", OrgType.PARTY_COMMITTEE, null, null, null));
		Org other = tree.create(new OrgTree.NewOrg(p + "other", p + "邻县", OrgType.PARTY_COMMITTEE, null, null, null));
		tree.rename(mine.id(), p + "本县委");
		tree.rename(other.id(), p + "邻县委");
		UserAccount inspector = users.create(new Users.NewUser(p.toLowerCase() + "jw", "inspector-pw-1", null, true));
		users.addGrant(inspector.id(), new Users.NewGrant(Role.DISCIPLINE, mine.id(), true));
		UserAccount viewer = users.create(new Users.NewUser(p.toLowerCase() + "vw", "viewer-pw-12", null, true));
		users.addGrant(viewer.id(), new Users.NewGrant(Role.VIEWER, mine.id(), true));

		mvc.perform(get("/api/v1/audit").with(as(inspector.id(), inspector.username())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.orgId == %d)]".formatted(mine.id())).isNotEmpty())
				.andExpect(jsonPath("$[?(@.orgId == %d)]".formatted(other.id())).isEmpty())
				.andExpect(jsonPath("$[?(@.orgId == null)]").isEmpty());
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(other.id())).with(as(inspector.id(), inspector.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/audit/verify").with(as(inspector.id(), inspector.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit").with(as(viewer.id(), viewer.username()))).andExpect(status().isForbidden());

		byte[] xlsx = mvc.perform(get("/api/v1/audit/export").param("orgId", String.valueOf(mine.id()))
				.with(as(inspector.id(), inspector.username()))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
			// create, rename and the two grants
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			// the organisation by its name, the entity and the action by their labels, as the viewer shows them
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo(p + "本县委");
				assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).doesNotContainPattern("[A-Za-z]");
				assertThat(sheet.getRow(r).getCell(6).getStringCellValue()).doesNotContainPattern("[A-Za-z]");
			}
		}

		// the viewer's page: the same four events, counted and paged in the database, the organisation by its name
		String page = mvc.perform(get("/audit").param("orgId", String.valueOf(mine.id())).param("sort", "OLDEST")
				.with(as(inspector.id(), inspector.username()))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("共 4 条，第 1/1 页").contains("<td>" + p + "本县委</td>").doesNotContain(p + "邻县委");
		String narrowed = mvc.perform(get("/audit").param("orgId", String.valueOf(mine.id())).param("q", "no such text")
				.with(as(inspector.id(), inspector.username()))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(narrowed).contains("共 0 条");
		// the viewer's export carries what it shows: its search and its order (the link keeps them)
		assertThat(narrowed).containsPattern("id=\"audit-export\" href=\"[^\"]*/audit/export\\.xlsx\\?[^\"]*q=no");
		var searched = zeren.support.Xlsx.sheets(mvc.perform(get("/audit/export.xlsx").param("orgId", String.valueOf(mine.id()))
				.param("q", "no such text").with(as(inspector.id(), inspector.username()))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(searched.body()).isEmpty();
		var oldest = zeren.support.Xlsx.sheets(mvc.perform(get("/audit/export.xlsx").param("orgId", String.valueOf(mine.id()))
				.param("sort", "OLDEST").with(as(inspector.id(), inspector.username()))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray()).get(0);
		assertThat(oldest.body()).hasSize(4);
		assertThat(Long.parseLong(oldest.body().get(0).get(0))).isLessThan(Long.parseLong(oldest.body().get(3).get(0)));
		mvc.perform(get("/audit").param("orgId", String.valueOf(other.id())).with(as(inspector.id(), inspector.username())))
				.andExpect(status().isNotFound());
	}
}
