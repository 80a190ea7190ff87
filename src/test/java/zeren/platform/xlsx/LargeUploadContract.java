package zeren.platform.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import zeren.access.Role;
import zeren.access.Users;
import zeren.duty.DutyList;
import zeren.duty.DutyListManagement;
import zeren.duty.ResponsibilityLists;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.support.ApiTest;

/**
 * Issue 13 through the API: the 456,000-row task detail table is refused with 400, and while it
 * is being refused another user's requests are answered.
 */
abstract class LargeUploadContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	DutyListManagement listManagement;

	@Test
	void the_456k_row_task_table_is_refused_with_400_while_another_user_is_answered() throws Exception {
		byte[] bytes = Files.readAllBytes(LargeUploadTest.largeFile());
		String p = unique();
		Org county = tree.create(new OrgTree.NewOrg(p + "县", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		DutyList list = listManagement.create(county.id(), 2026);
		Org other = tree.create(new OrgTree.NewOrg(p + "乡", p + "乡党委", OrgType.PARTY_COMMITTEE, null, null, null));
		var user = users.create(new Users.NewUser(p.toLowerCase() + "reader", "reader-pw-1234", null, true));
		users.addGrant(user.id(), new Users.NewGrant(Role.ORG_ADMIN, other.id(), true));

		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			long started = System.nanoTime();
			Future<MvcResult> upload = pool.submit(() -> mvc.perform(multipart("/api/v1/duty/lists/" + list.id() + "/xlsx")
					.file(new MockMultipartFile("file", "big.xlsx", "application/octet-stream", bytes))).andReturn());
			List<Integer> answered = new CopyOnWriteArrayList<>();
			int whileUploading = 0;
			do {
				int status = mvc.perform(get("/api/v1/orgs/" + other.id()).with(as(user.id(), user.username())))
						.andReturn().getResponse().getStatus();
				answered.add(status);
				if (!upload.isDone()) {
					whileUploading++;
				}
			}
			while (!upload.isDone());
			MvcResult refused = upload.get(60, TimeUnit.SECONDS);
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
			assertThat(refused.getResponse().getContentAsString()).contains("error.upload.too-many-rows");
			assertThat(millis).as("milliseconds to refuse").isLessThan(30_000);
			assertThat(whileUploading).as("requests answered while the upload was refused").isPositive();
			assertThat(answered).containsOnly(200);
			assertThat(lists.get(list.id()).items()).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}
}
