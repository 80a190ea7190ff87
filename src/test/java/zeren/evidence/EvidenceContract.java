package zeren.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.support.ApiTest;

abstract class EvidenceContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	EvidenceFiles files;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Attachments attachments;

	Org county;

	Org other;

	@BeforeEach
	void organisations() {
		String p = unique();
		county = tree.create(new OrgTree.NewOrg(p + "c", p + "县委", OrgType.PARTY_COMMITTEE, null, null, null));
		other = tree.create(new OrgTree.NewOrg(p + "o", p + "邻县委", OrgType.PARTY_COMMITTEE, null, null, null));
	}

	ResultActions upload(String name, byte[] bytes) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/evidence").param("orgId", String.valueOf(county.id()))
				.file(new MockMultipartFile("file", name, "application/octet-stream", bytes)));
	}

	long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM evidence").query(Long.class).single()
				+ jdbc.sql("SELECT COUNT(*) FROM evidence_content").query(Long.class).single();
	}

	static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0 };

	@Test
	void files_of_every_accepted_type_are_recognised_from_their_content() throws Exception {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.createParagraph().createRun().setText("会议纪要");
			doc.write(docx);
		}
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			book.createSheet("台账").createRow(0).createCell(0).setCellValue("一事一记");
			book.write(xlsx);
		}
		ByteArrayOutputStream xls = new ByteArrayOutputStream();
		try (HSSFWorkbook book = new HSSFWorkbook()) {
			book.createSheet("台账").createRow(0).createCell(0).setCellValue("一事一记");
			book.write(xls);
		}
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
		byte[] webp = "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		record Case(String name, byte[] bytes, String type) {
		}
		for (Case c : List.of(new Case("报告.pdf", pdf("a"), "application/pdf"), new Case("现场.png", PNG, "image/png"),
				new Case("照片.JPG", jpeg, "image/jpeg"), new Case("动图.gif", gif, "image/gif"),
				new Case("图.webp", webp, "image/webp"),
				new Case("纪要.docx", docx.toByteArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
				new Case("台账.xlsx", xlsx.toByteArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
				new Case("台账.xls", xls.toByteArray(), "application/vnd.ms-excel"),
				new Case("说明.txt", "落实主体责任\r\n第二行".getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8"),
				new Case("旧说明.txt", "落实主体责任".getBytes(Charset.forName("GBK")), "text/plain; charset=GBK"))) {
			upload(c.name(), c.bytes()).andExpect(status().isCreated()).andExpect(jsonPath("$.mediaType").value(c.type()))
					.andExpect(jsonPath("$.originalName").value(c.name())).andExpect(jsonPath("$.orgId").value(county.id()));
		}
	}

	@Test
	void a_renamed_executable_a_mislabelled_or_unknown_file_and_an_oversized_file_are_refused_and_nothing_is_stored() throws Exception {
		long before = stored();
		upload("整改报告.pdf", EXE).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("可执行程序")));
		upload("setup.exe", EXE).andExpect(status().isBadRequest());
		upload("说明.txt", EXE).andExpect(status().isBadRequest());
		upload("照片.jpg", PNG).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("扩展名 .jpg 与文件内容不符")));
		upload("报告.docx", pdf("x")).andExpect(status().isBadRequest());
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("a.txt"));
			out.write('a');
		}
		upload("材料.docx", zip.toByteArray()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("无法识别")));
		upload("空.txt", new byte[0]).andExpect(status().isBadRequest());
		byte[] big = Arrays.copyOf(pdf("big"), (int) files.maxSize().toBytes() + 1);
		upload("大文件.pdf", big).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("20 MB")));
		byte[] limit = Arrays.copyOf(pdf("limit"), (int) files.maxSize().toBytes());
		assertThat(stored()).isEqualTo(before);
		upload("刚好.pdf", limit).andExpect(status().isCreated());
		assertThat(stored()).isEqualTo(before + 2);
	}

	@Test
	void the_same_bytes_are_stored_once_and_download_keeps_the_original_name() throws Exception {
		byte[] bytes = pdf(unique());
		MvcResult first = upload("整改报告 2026.pdf", bytes).andExpect(status().isCreated()).andReturn();
		long id = Long.parseLong(com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.id").toString());
		String sha = files.get(id).sha256();
		upload("整改报告 2026.pdf", bytes).andExpect(jsonPath("$.id").value(id));
		upload("副本.pdf", bytes).andExpect(status().isCreated()).andExpect(jsonPath("$.sha256").value(sha))
				.andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.not((int) id)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE sha256 = :sha").param("sha", sha)
				.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence WHERE sha256 = :sha").param("sha", sha)
				.query(Long.class).single()).isEqualTo(2);
		assertThat(sha).isEqualTo(java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));

		MvcResult download = mvc.perform(get("/api/v1/evidence/" + id + "/content")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andExpect(header().string("Content-Disposition",
						containsString("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%202026.pdf")))
				.andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(bytes);
	}

	@Test
	void evidence_belongs_to_an_organisation_only_its_scope_reads_it_and_only_working_grants_add_to_it() throws Exception {
		long id = files.store(county.id(), "a.txt", new java.io.ByteArrayInputStream("内容".getBytes(StandardCharsets.UTF_8))).id();
		String p = unique().toLowerCase();
		UserAccount stranger = users.create(new zeren.access.Users.NewUser(p + "s", "password-stranger-1", null, true));
		users.addGrant(stranger.id(), new zeren.access.Users.NewGrant(Role.ORG_ADMIN, other.id(), true));
		UserAccount viewer = users.create(new zeren.access.Users.NewUser(p + "v", "password-viewer-1", null, true));
		users.addGrant(viewer.id(), new zeren.access.Users.NewGrant(Role.VIEWER, county.id(), true));
		mvc.perform(get("/api/v1/evidence/" + id).with(as(stranger.id(), stranger.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/evidence/" + id + "/content").with(as(stranger.id(), stranger.username())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/evidence/" + id + "/content").with(as(viewer.id(), viewer.username())))
				.andExpect(status().isOk());
		long before = stored();
		mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/evidence").param("orgId", String.valueOf(county.id()))
				.file(new MockMultipartFile("file", "b.txt", "text/plain", "b".getBytes(StandardCharsets.UTF_8)))
				.with(as(viewer.id(), viewer.username()))).andExpect(status().isForbidden());
		mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/evidence").param("orgId", String.valueOf(county.id()))
				.file(new MockMultipartFile("file", "b.txt", "text/plain", "b".getBytes(StandardCharsets.UTF_8)))
				.with(as(stranger.id(), stranger.username()))).andExpect(status().isNotFound());
		assertThat(stored()).isEqualTo(before);
	}

	Evidence text(String name, String content) {
		return files.store(county.id(), name, new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void files_are_attached_to_an_owner_once_each_in_the_order_attached_and_a_detached_file_is_kept() throws Exception {
		Attachments.Owner owner = new Attachments.Owner("test-owner", System.nanoTime());
		Evidence b = text("乙.txt", unique());
		Evidence a = text("甲.txt", unique());
		assertThat(attachments.attach(owner, List.of(b.id(), a.id()))).containsExactly(b.id(), a.id());
		Attachments.Attached c = attachments.store(owner, county.id(), "丙.txt",
				new java.io.ByteArrayInputStream(unique().getBytes(StandardCharsets.UTF_8)));
		assertThat(c.added()).isTrue();
		// attached again: no second link, and the order stays that of the first attachment
		assertThat(attachments.attach(owner, List.of(a.id()))).isEmpty();
		assertThat(attachments.of(owner)).extracting(Evidence::id).containsExactly(b.id(), a.id(), c.evidence().id());
		assertThat(attachments.of(owner.type(), List.of(owner.id(), owner.id() + 1))).containsOnlyKeys(owner.id());
		try (Download download = attachments.open(owner, a.id())) {
			assertThat(download.evidence().originalName()).isEqualTo("甲.txt");
		}
		assertThat(jdbc.sql("SELECT added_by FROM evidence_link WHERE owner_type = :t AND owner_id = :o AND evidence_id = :e")
				.param("t", owner.type()).param("o", owner.id()).param("e", a.id()).query(String.class).single())
				.isEqualTo("admin");

		assertThat(attachments.detach(owner, b.id())).isTrue();
		assertThat(attachments.detach(owner, b.id())).isFalse();
		assertThat(attachments.of(owner)).extracting(Evidence::id).containsExactly(a.id(), c.evidence().id());
		assertThat(files.get(b.id()).originalName()).isEqualTo("乙.txt");
		// a file not attached to this owner is not served through it
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.open(owner, b.id()))
				.isInstanceOf(zeren.platform.NotFoundException.class);
	}

	@Test
	void an_owner_whose_attachments_are_frozen_refuses_every_change_and_stores_nothing() {
		Attachments.Owner frozen = new Attachments.Owner(FrozenTestOwner.TYPE, 1);
		Evidence kept = text("已有.txt", unique());
		long before = stored();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.store(frozen, county.id(), "新.txt",
				new java.io.ByteArrayInputStream(unique().getBytes(StandardCharsets.UTF_8))))
				.isInstanceOf(zeren.platform.ConflictException.class);
		assertThat(stored()).isEqualTo(before);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.attach(frozen, List.of(kept.id())))
				.isInstanceOf(zeren.platform.ConflictException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.detach(frozen, kept.id()))
				.isInstanceOf(zeren.platform.ConflictException.class);
		assertThat(attachments.of(frozen)).isEmpty();
	}

	@Test
	void an_attached_file_cannot_be_deleted_and_no_link_cascades() {
		Attachments.Owner owner = new Attachments.Owner("test-owner", System.nanoTime());
		Evidence file = text("留存.txt", unique());
		attachments.attach(owner, List.of(file.id()));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM evidence WHERE id = :id")
				.param("id", file.id()).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(attachments.of(owner)).extracting(Evidence::id).containsExactly(file.id());
		List<String> rules = jdbc.sql("""
				SELECT rc.delete_rule FROM information_schema.referential_constraints rc
				JOIN information_schema.table_constraints tc
				  ON tc.constraint_name = rc.constraint_name AND tc.constraint_schema = rc.constraint_schema
				WHERE tc.table_name = 'evidence_link'
				""").query(String.class).list();
		assertThat(rules).isNotEmpty().allMatch(r -> r.equals("NO ACTION") || r.equals("RESTRICT"));
	}
}
