package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.support.ApiTest;

/**
 * Evidence file names as stored and as sent back: without control characters and without the
 * invisible bidi characters that make {@code fdp.exe} read as {@code exe.pdf} (U+202E), also
 * for names stored before; {@code Content-Disposition} names the file once in ASCII and once
 * in UTF-8, never twice the same way.
 */
abstract class DownloadNamesContract extends ApiTest {

	static final String RLO = "\u202E";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	OrgTree tree;

	@Autowired
	JdbcClient jdbc;

	Org org;

	@BeforeEach
	void anOrganisation() {
		String p = unique();
		org = tree.create(new OrgTree.NewOrg(p + "n", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
	}

	MvcResult upload(String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/api/v1/evidence").file(new MockMultipartFile("file", name, "application/pdf", content))
				.param("orgId", String.valueOf(org.id()))).andReturn();
	}

	static long id(MvcResult result) throws Exception {
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void a_right_to_left_override_cannot_disguise_an_executable_name_as_a_pdf() throws Exception {
		// shown as "报告exe.pdf" with the override, it is a file named ….exe
		MvcResult refused = upload("报告" + RLO + "fdp.exe", PDF);
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		String body = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("报告fdp.exe").doesNotContain(RLO);
	}

	@Test
	void control_and_bidi_characters_are_stripped_from_a_stored_name() throws Exception {
		MvcResult stored = upload("整改" + RLO + "\u200B\u2066报告\u0007.pdf", PDF);
		assertThat(stored.getResponse().getStatus()).isEqualTo(201);
		assertThat(stored.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"originalName\":\"整改报告.pdf\"");
		String disposition = mvc.perform(get("/api/v1/evidence/" + id(stored) + "/content")).andExpect(status().isOk())
				.andReturn().getResponse().getHeader("Content-Disposition");
		assertThat(disposition).contains("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf");
	}

	@Test
	void a_name_stored_before_is_stripped_when_it_is_read_and_downloaded() throws Exception {
		long id = id(upload("old.pdf", PDF));
		jdbc.sql("UPDATE evidence SET original_name = :name WHERE id = :id").param("name", "旧" + RLO + "fdp.exe")
				.param("id", id).update();
		String record = mvc.perform(get("/api/v1/evidence/" + id)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(record).contains("\"originalName\":\"旧fdp.exe\"");
		String disposition = mvc.perform(get("/api/v1/evidence/" + id + "/content")).andExpect(status().isOk())
				.andReturn().getResponse().getHeader("Content-Disposition");
		assertThat(disposition).doesNotContain("%E2%80%AE").contains("filename*=UTF-8''%E6%97%A7fdp.exe");
	}

	@Test
	void content_disposition_names_the_file_once_in_ascii_and_once_in_utf_8() throws Exception {
		long id = id(upload("整改报告 2026.pdf", PDF));
		String disposition = mvc.perform(get("/api/v1/evidence/" + id + "/content")).andExpect(status().isOk())
				.andReturn().getResponse().getHeader("Content-Disposition");
		assertThat(disposition).startsWith("attachment; ");
		assertThat(Pattern.compile("filename=").matcher(disposition).results().count()).as(disposition).isEqualTo(1);
		assertThat(Pattern.compile("filename\\*=").matcher(disposition).results().count()).as(disposition).isEqualTo(1);
		assertThat(disposition).matches(".*filename=\"[\\x20-\\x7e]+\".*")
				.contains("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%202026.pdf");
	}
}
