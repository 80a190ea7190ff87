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

	@Test
	void a_row_changed_or_removed_in_the_database_breaks_the_chain_where_it_was_touched() throws Exception {
		tree.create(new OrgTree.NewOrg(unique(), "链", OrgType.BRANCH, null, null, null));
		tree.create(new OrgTree.NewOrg(unique(), "链", OrgType.BRANCH, null, null, null));
		mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
				.andExpect(jsonPath("$.firstBrokenId").doesNotExist());
		long last = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
		long victim = last - 1;
		String summary = jdbc.sql("SELECT summary FROM audit_event WHERE id = :id").param("id", victim)
				.query(String.class).single();
		try {
			jdbc.sql("UPDATE audit_event SET summary = 'forged' WHERE id = :id").param("id", victim).update();
			mvc.perform(get("/api/v1/audit/verify")).andExpect(jsonPath("$.valid").value(false))
					.andExpect(jsonPath("$.firstBrokenId").value(victim));
		}
		finally {
			jdbc.sql("UPDATE audit_event SET summary = :s WHERE id = :id").param("s", summary).param("id", victim).update();
		}
		assertThat(trail.verify().valid()).isTrue();

		AuditEvent removed = jdbc.sql("SELECT * FROM audit_event WHERE id = :id").param("id", victim)
				.query(AuditTrail.EVENT).single();
		try {
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", victim).update();
			AuditTrail.Verification broken = trail.verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(last);
		}
		finally {
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, username, org_id, entity_type, entity_id, action, summary,
					  client_address, prev_hash, hash)
					VALUES (:id, :at, :user, :org, :type, :entity, :action, :summary, :address, :prev, :hash)
					""").param("id", removed.id())
					.param("at", java.time.OffsetDateTime.ofInstant(removed.occurredAt(), java.time.ZoneOffset.UTC))
					.param("user", removed.username()).param("org", removed.orgId()).param("type", removed.entityType())
					.param("entity", removed.entityId()).param("action", removed.action()).param("summary", removed.summary())
					.param("address", removed.clientAddress()).param("prev", removed.prevHash()).param("hash", removed.hash())
					.update();
		}
		assertThat(trail.verify().valid()).isTrue();
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
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat((long) sheet.getRow(r).getCell(3).getNumericCellValue()).isEqualTo(mine.id());
			}
		}
	}
}
