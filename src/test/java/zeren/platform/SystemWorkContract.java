package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import zeren.audit.AuditQuery;
import zeren.org.Org;
import zeren.org.OrgNode;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.support.ApiTest;

/**
 * Work without a user sees nothing unless it says it is system work; what system work changes is
 * audited under its named system actor.
 */
abstract class SystemWorkContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	CurrentScope scope;

	@Autowired
	AuditQuery audit;

	@Test
	void a_job_that_does_not_ask_for_system_work_gets_no_rows() {
		String p = unique();
		Org root = tree.create(new OrgTree.NewOrg(p + "r", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		tree.create(new OrgTree.NewOrg(p + "c", p + "镇党委", OrgType.PARTY_COMMITTEE, root.id(), null, null));
		SecurityContextHolder.clearContext();

		assertThat(scope.reading().isEmpty()).isTrue();
		assertThat(tree.find(root.id())).isEmpty();
		assertThat(tree.roots()).extracting(n -> n.org().id()).doesNotContain(root.id());

		List<OrgNode> children = SystemWork.call("system-work-test", () -> tree.children(root.id()));
		assertThat(children).extracting(n -> n.org().name()).containsExactly(p + "镇党委");
	}

	@Test
	void a_thread_started_from_system_work_does_not_inherit_it() throws Exception {
		SecurityContextHolder.clearContext();
		boolean[] seen = new boolean[2];
		SystemWork.run("system-work-test", () -> {
			seen[0] = scope.reading().unrestricted();
			seen[1] = CompletableFuture.supplyAsync(() -> scope.reading().unrestricted()).join();
		});
		assertThat(seen[0]).isTrue();
		assertThat(seen[1]).isFalse();
		assertThat(SystemWork.active()).isFalse();
	}

	@Test
	void changes_made_by_system_work_are_audited_under_its_named_actor() {
		String p = unique();
		SecurityContextHolder.clearContext();
		Org made = SystemWork.call("system-work-test",
				() -> tree.create(new OrgTree.NewOrg(p + "s", p + "系统建", OrgType.PARTY_COMMITTEE, null, null, null)));
		assertThat(CurrentUser.actor()).isEqualTo(CurrentUser.NOBODY);
		SystemWork.run("system-work-test", () -> assertThat(
				audit.find(new AuditQuery.Filter(made.id(), null, "org", null, null), 10))
				.isNotEmpty().allSatisfy(e -> assertThat(e.username()).isEqualTo("system:system-work-test")));
	}
}
