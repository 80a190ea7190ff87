package zeren.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;
import zeren.support.ApiTest;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/**
 * Walks every {@code /api/**} endpoint of the application's own mapping (so an endpoint added
 * later is covered without touching this test) as a user of a sibling organisation and as an
 * anonymous caller, and every page that names an entity as that user, and fails if any answer
 * carries the other organisation's data or changes it.
 */
abstract class EndpointScopeContract extends ApiTest {

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcForWords;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	/** Every module's data in the sibling county (one {@link SiblingData} per module). */
	@Autowired
	List<SiblingData> modules;

	/** Data of the sibling B that user A must never see: names that appear nowhere else. */
	String secretOrg;
	String secretPerson;
	Org city;
	Org a;
	Org b;
	Org bChild;
	Person personB;
	Post postB;
	Tenure tenureB;
	UserAccount userA;
	UserAccount userB;
	Grant grantB;
	ApiToken tokenB;

	@BeforeEach
	void twoSiblingCounties() {
		String p = unique();
		secretOrg = p + "乙县机密";
		secretPerson = p + "乙县某人";
		city = tree.create(new OrgTree.NewOrg(p + "city", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		a = tree.create(new OrgTree.NewOrg(p + "a", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		b = tree.create(new OrgTree.NewOrg(p + "b", secretOrg, OrgType.PARTY_COMMITTEE, city.id(), null, null));
		bChild = tree.create(new OrgTree.NewOrg(p + "b1", secretOrg + "村", OrgType.BRANCH, b.id(), null, null));
		personB = people.create(new People.NewPerson(secretPerson, null, null, null, null, b.id()));
		postB = leadership.addPost(b.id(), new Leadership.NewPost(secretOrg + "书记", PostKind.SECRETARY, List.of(), 1));
		tenureB = leadership.appoint(new Leadership.NewTenure(personB.id(), postB.id(), LocalDate.of(2020, 1, 1), null));
		userA = users.create(new Users.NewUser(p.toLowerCase() + "usera", "password-of-a-1", null, true));
		users.addGrant(userA.id(), new Users.NewGrant(Role.ORG_ADMIN, a.id(), true));
		users.addGrant(userA.id(), new Users.NewGrant(Role.DISCIPLINE, a.id(), true));
		userB = users.create(new Users.NewUser(p.toLowerCase() + "userb", "password-of-b-1", null, true));
		grantB = users.addGrant(userB.id(), new Users.NewGrant(Role.ORG_ADMIN, b.id(), true));
		tokenB = users.createToken(userB.id(), new Users.NewToken(secretOrg + "令牌", 30));
		Sibling sibling = new Sibling(p, secretOrg, secretPerson, city, a, b, bChild, personB, postB, tenureB, userA.id(),
				userA.username());
		modules.forEach(module -> module.create(sibling));
	}

	/** The value a module gives for {name} in pattern, or null when none does. */
	Object moduleValue(String name, String pattern) {
		for (SiblingData module : modules) {
			Object value = module.value(name, pattern);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	record Endpoint(HttpMethod method, String pattern, boolean multipart) {
	}

	List<Endpoint> apiEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			// only Zeren's own controllers: the OpenAPI document is public and holds no data
			if (!entry.getValue().getBeanType().getPackageName().startsWith("zeren.")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, multipart));
				}
			}
		}
		assertThat(endpoints).as("API endpoints found").hasSizeGreaterThan(20);
		return endpoints;
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** An id no row has: a write to the sibling's data must answer as a write to it does. */
	static final long MISSING = 987_654_321L;

	/** The pattern with every path variable pointing at the sibling's data. */
	String fill(String pattern) {
		return fill(pattern, false);
	}

	/** The pattern with every path variable pointing at the sibling's data, or at ids no row has. */
	String fill(String pattern, boolean missing) {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			Object value = switch (name) {
				case "id" -> pattern.startsWith("/api/v1/orgs/") ? b.id()
						: pattern.startsWith("/api/v1/people/") ? personB.id()
						: pattern.startsWith("/api/v1/tenures/") ? tenureB.id()
						: pattern.startsWith("/api/v1/users/") ? userB.id() : moduleValue(name, pattern);
				case "grantId" -> pattern.startsWith("/api/v1/users/") ? grantB.id() : moduleValue(name, pattern);
				case "tokenId" -> pattern.startsWith("/api/v1/account/") || pattern.startsWith("/api/v1/users/") ? tokenB.id()
						: moduleValue(name, pattern);
				default -> moduleValue(name, pattern);
			};
			assertThat(value).as("a value of the sibling for {%s} in %s: extend this test for the new endpoint", name, pattern)
					.isNotNull();
			m.appendReplacement(out, missing ? String.valueOf(MISSING) : String.valueOf(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** A body that aims every field a write may take at the sibling. */
	String hostileBody() {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("code", unique() + "X");
		fields.put("name", "x");
		fields.put("type", "BRANCH");
		fields.put("parentId", b.id());
		fields.put("orgId", b.id());
		fields.put("disciplineBodyId", b.id());
		fields.put("personId", personB.id());
		fields.put("postId", postB.id());
		fields.put("startDate", "2020-06-01");
		fields.put("endDate", "2024-01-01");
		fields.put("reason", "TRANSFER");
		fields.put("title", "x");
		fields.put("kind", "MEMBER");
		fields.put("role", "ORG_ADMIN");
		fields.put("includeDescendants", true);
		fields.put("username", unique().toLowerCase() + "x");
		fields.put("password", "some-password-1");
		fields.put("days", 10);
		fields.put("oldPassword", "nope-nope-nope");
		fields.put("newPassword", "another-password-2");
		modules.forEach(module -> fields.putAll(module.hostileFields()));
		StringBuilder json = new StringBuilder("{");
		fields.forEach((key, value) -> {
			json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":");
			json.append(value instanceof String text ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
					: String.valueOf(value));
		});
		return json.append('}').toString();
	}

	AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint) {
		return request(endpoint, false);
	}

	AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, boolean missing) {
		String url = fill(endpoint.pattern(), missing);
		if (endpoint.multipart()) {
			String csv = "code,name,parent_code,type\n%sZ,z,%s,党支部\n".formatted(unique(), b.code());
			return MockMvcRequestBuilders.multipart(url)
					.file(new MockMultipartFile("file", "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		}
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(endpoint.method(), url)
				.param("q", secretOrg).param("orgId", String.valueOf(b.id())).param("at", "2021-01-01");
		if (endpoint.method() != HttpMethod.GET) {
			builder.contentType(MediaType.APPLICATION_JSON).content(hostileBody());
		}
		return builder;
	}

	@Test
	void no_api_endpoint_shows_or_changes_a_sibling_organisations_data() throws Exception {
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : apiEndpoints()) {
			MvcResult result = mvc.perform(request(endpoint).with(as(userA.id(), userA.username()))).andReturn();
			int status = result.getResponse().getStatus();
			String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			String where = endpoint.method() + " " + endpoint.pattern() + " → " + status;
			// (an import's error may quote the caller's own file, which names the sibling's code)
			if (body.contains(secretOrg) || body.contains(secretPerson)
					|| (!endpoint.multipart() && body.contains(b.code())) || body.contains(userB.username())) {
				failures.add(where + " leaks: " + body);
			}
			boolean targetsSibling = endpoint.pattern().contains("{");
			if (targetsSibling && endpoint.method() == HttpMethod.GET && status != 404) {
				failures.add(where + ": a read outside scope must answer 404");
			}
			// a write is refused as one aimed at ids no row has: 404, or 403 where the caller's role
			// refuses it whatever the id (an administrator's endpoint)
			if (targetsSibling && endpoint.method() != HttpMethod.GET && status != 404 && status != 403) {
				failures.add(where + ": a write outside scope must answer 404");
			}
			if (targetsSibling) {
				// and tell nothing more: the answer is the one for ids no row has, but for the ids
				MvcResult missing = mvc.perform(request(endpoint, true).with(as(userA.id(), userA.username()))).andReturn();
				String missingBody = missing.getResponse().getContentAsString(StandardCharsets.UTF_8);
				if (missing.getResponse().getStatus() != status || !withoutNumbers(missingBody).equals(withoutNumbers(body))) {
					failures.add(where + ": differs from the answer for ids that do not exist (" + missing.getResponse().getStatus()
							+ " " + missingBody + "): " + body);
				}
			}
			if (!targetsSibling && endpoint.method() != HttpMethod.GET && status < 400) {
				failures.add(where + ": a write aimed at the sibling must be refused");
			}
		}
		assertThat(failures).isEmpty();

		// and nothing of the sibling changed
		Org after = tree.find(b.id()).orElseThrow();
		assertThat(after.name()).isEqualTo(secretOrg);
		assertThat(after.parentId()).isEqualTo(city.id());
		assertThat(after.active()).isTrue();
		assertThat(leadership.posts(b.id())).hasSize(1);
		assertThat(leadership.getTenure(tenureB.id()).endDate()).isNull();
		assertThat(users.grants(userB.id())).hasSize(1);
		assertThat(users.tokens(userB.id()).get(0).revokedAt()).isNull();
		assertThat(tree.children(b.id())).hasSize(1);
		modules.forEach(SiblingData::assertUnchanged);
	}

	/** The body with every number (ids, grouped or not) replaced by one mark. */
	static String withoutNumbers(String body) {
		return body.replaceAll("\\d[\\d,]*", "#");
	}

	@Test
	void every_api_endpoint_answers_401_problem_details_to_an_anonymous_caller() throws Exception {
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : apiEndpoints()) {
			MvcResult result = mvc.perform(request(endpoint).with(anonymous())).andReturn();
			int status = result.getResponse().getStatus();
			String type = result.getResponse().getContentType();
			if (status != 401 || type == null || !type.startsWith("application/problem+json")) {
				failures.add(endpoint.method() + " " + endpoint.pattern() + " → " + status + " " + type);
			}
		}
		assertThat(failures).isEmpty();
		assertThat(tree.children(b.id())).hasSize(1);
	}

	@Test
	void no_page_shows_or_changes_a_sibling_organisations_data() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("zeren.")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || !pattern.contains("{")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					String url = fillPage(pattern);
					MvcResult result = mvc.perform(pageRequest(method, url)).andReturn();
					checked++;
					int status = result.getResponse().getStatus();
					String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
					String where = method + " " + pattern + " → " + status;
					if (body.contains(secretOrg) || body.contains(secretPerson) || body.contains(userB.username())) {
						failures.add(where + " leaks");
					}
					if (method == RequestMethod.GET && status != 404) {
						failures.add(where + ": a page outside scope must answer 404");
					}
					if (method != RequestMethod.GET && status != 404 && status != 403) {
						failures.add(where + ": a change outside scope must answer 404");
					}
					int missing = mvc.perform(pageRequest(method, url.replaceAll("/\\d+", "/" + MISSING))).andReturn()
							.getResponse().getStatus();
					if (missing != status) {
						failures.add(where + ": differs from the answer for ids that do not exist (" + missing + ")");
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(failures).isEmpty();
		Org after = tree.find(b.id()).orElseThrow();
		assertThat(after.name()).isEqualTo(secretOrg);
		assertThat(after.parentId()).isEqualTo(city.id());
		assertThat(after.active()).isTrue();
		assertThat(leadership.posts(b.id())).hasSize(1);
		assertThat(leadership.getTenure(tenureB.id()).endDate()).isNull();
		assertThat(users.grants(userB.id())).hasSize(1);
		assertThat(users.get(userB.id()).enabled()).isTrue();
		assertThat(users.grants(userA.id())).extracting(Grant::role).doesNotContain(Role.ADMIN);
		assertThat(users.tokens(userB.id()).get(0).revokedAt()).isNull();
		modules.forEach(SiblingData::assertUnchanged);
	}

	/**
	 * Every page, signed in as the administrator with every module's sample data, reads in
	 * Chinese: no code, id, raw enum name or English word in the visible text (outside the data
	 * the test entered, user names and file names; see {@link zeren.support.VisibleText}).
	 */
	@Test
	void every_page_reads_in_chinese() throws Exception {
		List<String> failures = new ArrayList<>();
		// what users entered — here or in any other test sharing this database: organisation codes
		// and names, people's names, user names, titles of posts and tracked items — is their data, not the UI's wording
		java.util.Set<String> userNames = zeren.support.VisibleText.wordsOf(jdbcForWords.sql("""
				SELECT code FROM org UNION ALL SELECT name FROM org UNION ALL SELECT name FROM person
				UNION ALL SELECT username FROM app_user UNION ALL SELECT title FROM post
				UNION ALL SELECT name FROM acc_situation UNION ALL SELECT title FROM tracked_item""").query(String.class).list());
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("zeren.")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			var methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.startsWith("/pick/") || pattern.startsWith("/error")
						|| pattern.matches(".*(xlsx|pdf|docx|csv|download|evidence/\\{[a-zA-Z]+}|/children)$")) {
					continue;
				}
				String url = fillPage(pattern);
				url += (url.contains("?") ? "&" : "?") + "orgId=" + b.id();
				MvcResult result = mvc.perform(MockMvcRequestBuilders.get(url)).andReturn();
				String type = String.valueOf(result.getResponse().getContentType());
				if (!type.startsWith("text/html")) {
					continue;
				}
				List<String> words = zeren.support.VisibleText.foreignWords(
						zeren.support.VisibleText.of(result.getResponse().getContentAsString(StandardCharsets.UTF_8)),
						userNames);
				if (!words.isEmpty()) {
					failures.add(pattern + " → " + result.getResponse().getStatus() + " " + words);
				}
			}
		}
		assertThat(failures).as("pages with codes or English in Chinese").isEmpty();
	}

	@Test
	void a_picker_offers_only_what_the_caller_may_read() throws Exception {
		for (String url : List.of("/pick/people?q=" + secretPerson, "/pick/orgs?q=" + secretOrg)) {
			String body = mvc.perform(MockMvcRequestBuilders.get(url).with(as(userA.id(), userA.username()))).andReturn()
					.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(url).doesNotContain(secretPerson).doesNotContain(secretOrg);
		}
		String own = mvc.perform(MockMvcRequestBuilders.get("/pick/orgs?q=" + a.name())
				.with(as(userA.id(), userA.username()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains("data-pick-id=\"" + a.id() + "\"");
		// the posts of a sibling organisation are not offered: 404, as for an organisation that does not exist
		for (long orgId : List.of(b.id(), MISSING)) {
			MvcResult posts = mvc.perform(MockMvcRequestBuilders.get("/pick/posts").param("orgId", String.valueOf(orgId))
					.with(as(userA.id(), userA.username()))).andReturn();
			assertThat(posts.getResponse().getStatus()).as("/pick/posts of " + orgId).isEqualTo(404);
			assertThat(posts.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(secretOrg)
					.doesNotContain(postB.title());
		}
		// its own organisation (which has no posts here) answers, with no options
		MvcResult ownPosts = mvc.perform(MockMvcRequestBuilders.get("/pick/posts").param("orgId", String.valueOf(a.id()))
				.with(as(userA.id(), userA.username()))).andReturn();
		assertThat(ownPosts.getResponse().getStatus()).isEqualTo(200);
		assertThat(ownPosts.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<option");
	}

	@Test
	void the_organisation_switcher_finds_and_opens_only_the_callers_organisations() throws Exception {
		String found = mvc.perform(MockMvcRequestBuilders.get("/orgs/pick").param("q", secretOrg)
				.with(as(userA.id(), userA.username()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(found).doesNotContain(secretOrg);
		String own = mvc.perform(MockMvcRequestBuilders.get("/orgs/pick").param("q", a.name())
				.with(as(userA.id(), userA.username()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains(a.name());
		int opened = mvc.perform(MockMvcRequestBuilders.get("/orgs/" + b.id() + "/children").param("pick", "true")
				.with(as(userA.id(), userA.username()))).andReturn().getResponse().getStatus();
		assertThat(opened).isEqualTo(404);
	}

	/** Exports of the caller's own lists (我的事项), which take no organisation. */
	static final java.util.Set<String> OWN_EXPORTS = java.util.Set.of("/tracking/mine/export.xlsx");

	@Test
	void no_export_gives_a_sibling_organisations_table() throws Exception {
		// every download of a page's table (…/export, ….xlsx) takes the page's orgId: aimed at the
		// sibling it answers 404 as the page does, and carries none of its data
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("zeren.")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				if (pattern.contains("{") || !(pattern.endsWith(".xlsx") || pattern.endsWith("/export"))) {
					continue;
				}
				MvcResult result = mvc.perform(MockMvcRequestBuilders.get(pattern).param("orgId", String.valueOf(b.id()))
						.param("year", "2026").with(as(userA.id(), userA.username()))).andReturn();
				checked++;
				String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
				if (OWN_EXPORTS.contains(pattern)) {
					// the caller's own list takes no organisation: it answers, and no cell is the sibling's
					if (result.getResponse().getStatus() != 200) {
						failures.add(pattern + " → " + result.getResponse().getStatus() + ": the caller's own list must answer");
					}
					else if (zeren.support.Xlsx.sheets(result.getResponse().getContentAsByteArray()).stream()
							.flatMap(t -> t.rows().stream()).flatMap(List::stream)
							.anyMatch(cell -> cell.contains(secretOrg) || cell.contains(secretPerson))) {
						failures.add(pattern + " leaks");
					}
					continue;
				}
				if (result.getResponse().getStatus() != 404) {
					failures.add(pattern + " → " + result.getResponse().getStatus() + ": an export outside scope must answer 404");
				}
				if (body.contains(secretOrg) || body.contains(secretPerson)) {
					failures.add(pattern + " leaks");
				}
			}
		}
		assertThat(checked).as("exports found").isGreaterThanOrEqualTo(8);
		assertThat(failures).isEmpty();
	}

	/** A page request as user A, with every form field aimed at the sibling's data. */
	MockHttpServletRequestBuilder pageRequest(RequestMethod method, String url) {
					var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), url)
							.param("name", "改名").param("parentCode", a.code()).param("title", "x").param("kind", "MEMBER")
							.param("personId", String.valueOf(personB.id())).param("postId", String.valueOf(postB.id()))
							.param("startDate", "2021-01-01").param("endDate", "2024-01-01").param("orgId", String.valueOf(a.id()))
							.param("role", "ADMIN").param("orgCode", a.code()).param("enabled", "false")
							.with(csrf()).with(as(userA.id(), userA.username()));
		modules.forEach(module -> module.hostileParams().forEach(request::param));
		return request;
	}

	String fillPage(String pattern) {
		String url = pattern;
		if (pattern.startsWith("/orgs/")) {
			url = url.replace("{id}", String.valueOf(b.id()));
		}
		else if (pattern.startsWith("/people/")) {
			url = url.replace("{id}", String.valueOf(personB.id()));
		}
		else if (pattern.startsWith("/tenures/")) {
			url = url.replace("{id}", String.valueOf(tenureB.id()));
		}
		else if (pattern.startsWith("/admin/users/")) {
			url = url.replace("{id}", String.valueOf(userB.id())).replace("{grantId}", String.valueOf(grantB.id()));
		}
		else if (pattern.startsWith("/account/tokens/")) {
			url = url.replace("{tokenId}", String.valueOf(tokenB.id()));
		}
		Matcher m = VARIABLE.matcher(url);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Object value = moduleValue(m.group(1), pattern);
			m.appendReplacement(out, value == null ? m.group() : String.valueOf(value));
		}
		m.appendTail(out);
		url = out.toString();
		assertThat(url).as("a value of the sibling for every variable of %s: extend this test", pattern)
				.doesNotContain("{");
		return url;
	}
}
