package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What only the real servlet container shows: an upload it cannot parse fails before any
 * controller is chosen. A NUL byte in a file name, a broken multipart body and an upload over
 * the limit each answer a 4xx problem detail (field {@code file}) to the API and an error page
 * to a page, never 500 or an empty 413; {@code /error} asked for directly is 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadsOverHttpTest {

	/** Set for the tests in src/test/resources/application.properties. */
	static final String ADMIN_PASSWORD = "admin-test-password";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	long orgId;

	@BeforeEach
	void anOrganisation() throws Exception {
		String code = "U" + Long.toString(System.nanoTime(), 36);
		HttpResponse<String> created = send(api("/api/v1/orgs").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"code\":\"" + code + "\",\"name\":\"上传测试\",\"type\":\"PARTY_COMMITTEE\"}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		assertThat(id.find()).isTrue();
		orgId = Long.parseLong(id.group(1));
	}

	HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static final String BOUNDARY = "zerenBoundary7MA4YWxkTrZu0gW";

	/** One file part, its file name written as raw UTF-8 bytes (so a NUL byte stays one). */
	static byte[] multipart(String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	HttpResponse<String> upload(String path, byte[] body) throws Exception {
		return send(api(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	static void assertFileProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"field\":\"file\"").contains("\"status\":" + status);
	}

	@Test
	void a_nul_byte_in_a_file_name_is_a_400_problem_detail_naming_the_file() throws Exception {
		HttpResponse<String> response = upload("/api/v1/evidence?orgId=" + orgId, multipart("a\u0000b.pdf", PDF));
		assertFileProblem(response, 400);
		assertThat(response.body()).contains("error.upload.unreadable");
	}

	@Test
	void an_upload_over_the_limit_is_a_413_problem_detail_that_says_the_limit() throws Exception {
		HttpResponse<String> response = upload("/api/v1/evidence?orgId=" + orgId,
				multipart("big.pdf", new byte[1024 * 1024 + 1]));
		assertFileProblem(response, 413);
		assertThat(response.body()).contains("error.upload.too-large").contains("1 MB");
	}

	@Test
	void a_broken_multipart_body_is_a_400_problem_detail_even_where_no_file_is_expected() throws Exception {
		HttpResponse<String> noBoundary = send(api("/api/v1/orgs").header("Content-Type", "multipart/form-data")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertFileProblem(noBoundary, 400);
		HttpResponse<String> truncated = upload("/api/v1/evidence?orgId=" + orgId,
				("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF")
						.getBytes(StandardCharsets.UTF_8));
		assertFileProblem(truncated, 400);
	}

	@Test
	void a_page_upload_with_a_nul_byte_in_its_file_name_is_a_400_page() throws Exception {
		String base = "http://127.0.0.1:" + port;
		String login = send(HttpRequest.newBuilder(URI.create(base + "/login"))).body();
		String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf(login), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		String token = csrf(send(HttpRequest.newBuilder(URI.create(base + "/orgs/import"))).body());

		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/orgs/import"))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("X-CSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("a\u0000b.csv", "code,name\n".getBytes()))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(response.body()).contains("无法读取上传的内容");
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"")
				.matcher(html);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	@Test
	void the_error_page_asked_for_directly_does_not_exist() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error")));
		assertThat(response.statusCode()).isEqualTo(404);
	}
}
