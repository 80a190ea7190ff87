package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
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
 * No request answers 5xx for bad input. Walks every endpoint of the application's own mapping
 * (API and pages, so an endpoint added later is walked without touching this test) as an
 * administrator, against real data of every module, and sends each one bad input of every kind
 * that applies to it: path variables and query or form parameters of the wrong type, missing,
 * oversized (100,000 characters, the largest numbers and dates) or with a NUL byte; JSON bodies
 * that are malformed, missing, {@code null}, an array, of the wrong types, oversized or with a
 * NUL byte, or sent as another media type; uploads with a NUL byte or 100,000 characters in the
 * file name, an empty file, no file, garbage content, or not sent as multipart at all. It fails
 * on any answer of 500 or more, listing every offender with its cause.
 */
abstract class BadInputContract extends ApiTest {

	static final int HUGE = 100_000;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	List<SiblingData> modules;

	Org city;
	Org a;
	Org b;
	Person personB;
	Post postB;
	Tenure tenureB;
	UserAccount walker;
	UserAccount other;
	long grantId;
	long tokenId;

	@BeforeEach
	void dataOfEveryModule() {
		String p = unique();
		city = tree.create(new OrgTree.NewOrg(p + "city", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		a = tree.create(new OrgTree.NewOrg(p + "a", p + "甲县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		b = tree.create(new OrgTree.NewOrg(p + "b", p + "乙县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org bChild = tree.create(new OrgTree.NewOrg(p + "b1", p + "乙县村", OrgType.BRANCH, b.id(), null, null));
		personB = people.create(new People.NewPerson(p + "某人", null, null, null, null, b.id()));
		postB = leadership.addPost(b.id(), new Leadership.NewPost(p + "书记", PostKind.SECRETARY, List.of(), 1));
		tenureB = leadership.appoint(new Leadership.NewTenure(personB.id(), postB.id(), LocalDate.of(2020, 1, 1), null));
		// the walker is an administrator of its own, so that nothing the walk changes touches 'admin'
		walker = users.create(new Users.NewUser(p.toLowerCase() + "walker", "password-of-walker-1", null, true));
		users.addGrant(walker.id(), new Users.NewGrant(Role.ADMIN, null, true));
		other = users.create(new Users.NewUser(p.toLowerCase() + "other", "password-of-other-1", null, true));
		grantId = users.addGrant(other.id(), new Users.NewGrant(Role.ORG_ADMIN, b.id(), true)).id();
		tokenId = users.createToken(other.id(), new Users.NewToken(p + "令牌", 30)).id();
		Sibling sibling = new Sibling(p, p + "乙县委", p + "某人", city, a, b, bChild, personB, postB, tenureB, walker.id(),
				walker.username());
		modules.forEach(module -> module.create(sibling));
	}

	// ---- the endpoints ---------------------------------------------------------------------------

	record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, boolean api) {

		boolean multipart() {
			return parameters().stream().anyMatch(BadInputContract::isFile);
		}

		List<MethodParameter> parameters() {
			List<MethodParameter> list = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				list.add(parameter);
			}
			return list;
		}

		List<String> pathVariables() {
			List<String> names = new ArrayList<>();
			Matcher m = VARIABLE.matcher(pattern);
			while (m.find()) {
				names.add(m.group(1));
			}
			return names;
		}

		/** The query or form parameters: {@code @RequestParam} and plain simple-typed arguments. */
		List<MethodParameter> requestParams() {
			return parameters().stream().filter(p -> !isFile(p)).filter(p -> p.hasParameterAnnotation(RequestParam.class)
					|| (!p.hasParameterAnnotations() && BeanUtils.isSimpleProperty(p.getParameterType())
							&& !p.getParameterType().getPackageName().startsWith("java.util")
							&& p.getParameterType() != java.util.Locale.class))
					.filter(p -> !Map.class.isAssignableFrom(p.getParameterType())).toList();
		}

		MethodParameter body() {
			return parameters().stream().filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	static boolean isFile(MethodParameter p) {
		if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
			return true;
		}
		return Collection.class.isAssignableFrom(p.getParameterType())
				&& p.getGenericParameterType() instanceof ParameterizedType type
				&& type.getActualTypeArguments()[0] == MultipartFile.class;
	}

	static String name(MethodParameter p) {
		RequestParam param = p.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		RequestPart part = p.getParameterAnnotation(RequestPart.class);
		if (part != null && !part.name().isEmpty()) {
			return part.name();
		}
		PathVariable path = p.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		return p.getParameterName();
	}

	List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPatternValues()) {
				var methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, entry.getValue(),
							pattern.startsWith("/api/")));
				}
			}
		}
		endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
		assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(100);
		return endpoints;
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** A value of the walk's data for the path variable, as EndpointScopeContract fills them. */
	Object pathValue(String name, String pattern) {
		Object value = null;
		if (name.equals("id")) {
			if (pattern.startsWith("/api/v1/orgs/") || pattern.startsWith("/orgs/")) {
				value = b.id();
			}
			else if (pattern.startsWith("/api/v1/people/") || pattern.startsWith("/people/")) {
				value = personB.id();
			}
			else if (pattern.startsWith("/api/v1/tenures/") || pattern.startsWith("/tenures/")) {
				value = tenureB.id();
			}
			else if (pattern.startsWith("/api/v1/users/") || pattern.startsWith("/admin/users/")) {
				value = other.id();
			}
		}
		else if (name.equals("grantId") && (pattern.startsWith("/api/v1/users/") || pattern.startsWith("/admin/users/"))) {
			value = grantId;
		}
		else if (name.equals("tokenId")) {
			value = tokenId;
		}
		if (value == null) {
			for (SiblingData module : modules) {
				value = module.value(name, pattern);
				if (value != null) {
					break;
				}
			}
		}
		return value == null ? 1 : value;
	}

	// ---- what is sent ----------------------------------------------------------------------------

	/** How a value is spoiled. */
	enum Spoil {
		/** a plausible value, aimed at the walk's data */
		NONE,
		/** the wrong type: a word for a number, a date or an enum; an object for a text */
		WRONG,
		/** 100,000 characters, the largest numbers, dates at the ends of time */
		HUGE,
		/** a NUL byte inside text */
		NUL
	}

	/** The modules' field names for the walk's data (the same names every write of theirs takes). */
	Map<String, Object> knownFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		modules.forEach(module -> fields.putAll(module.hostileFields()));
		fields.put("orgId", b.id());
		fields.put("parentId", b.id());
		fields.put("personId", personB.id());
		fields.put("postId", postB.id());
		fields.put("tenureId", tenureB.id());
		return fields;
	}

	Object value(String name, Type type, Spoil spoil, int depth) {
		Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType()
				: type instanceof Class<?> c ? c : Object.class;
		if (raw == String.class || raw == Object.class) {
			return switch (spoil) {
				case NONE -> textFor(name);
				case WRONG -> Map.of("wrong", true);
				case HUGE -> "长".repeat(HUGE);
				case NUL -> "a\u0000b";
			};
		}
		if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class || raw == short.class
				|| raw == Short.class) {
			boolean isLong = raw == long.class || raw == Long.class;
			return switch (spoil) {
				case NONE, NUL -> numberFor(name);
				case WRONG -> "x";
				case HUGE -> isLong ? Long.MAX_VALUE : Integer.MAX_VALUE;
			};
		}
		if (raw == double.class || raw == Double.class || raw == java.math.BigDecimal.class || raw == float.class
				|| raw == Float.class) {
			return switch (spoil) {
				case NONE, NUL -> 1;
				case WRONG -> "x";
				case HUGE -> new java.math.BigDecimal("1e400");
			};
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return spoil == Spoil.WRONG ? "maybe" : true;
		}
		if (raw == LocalDate.class) {
			return switch (spoil) {
				case NONE, NUL -> "2026-03-01";
				case WRONG -> "2026-13-45";
				case HUGE -> "+999999999-12-31";
			};
		}
		if (raw == java.time.OffsetDateTime.class || raw == java.time.Instant.class
				|| raw == java.time.LocalDateTime.class || raw == java.time.ZonedDateTime.class) {
			return switch (spoil) {
				case NONE, NUL -> "2026-03-01T10:00:00+08:00";
				case WRONG -> "yesterday";
				case HUGE -> "+999999999-12-31T23:59:59Z";
			};
		}
		if (raw == java.time.Year.class) {
			return spoil == Spoil.WRONG ? "x" : spoil == Spoil.HUGE ? 999999999 : 2026;
		}
		if (raw.isEnum()) {
			return spoil == Spoil.WRONG ? "NO_SUCH_CONSTANT"
					: spoil == Spoil.HUGE ? "X".repeat(HUGE) : ((Enum<?>) raw.getEnumConstants()[0]).name();
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			if (spoil == Spoil.WRONG) {
				return "x";
			}
			Type element = raw.isArray() ? raw.getComponentType()
					: type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : String.class;
			return depth > 4 ? List.of() : List.of(value(name, element, spoil, depth + 1));
		}
		if (Map.class.isAssignableFrom(raw)) {
			return spoil == Spoil.WRONG ? "x" : Map.of();
		}
		if (raw.isRecord()) {
			if (spoil == Spoil.WRONG && depth > 0) {
				return "x";
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			if (depth > 4) {
				return fields;
			}
			for (RecordComponent component : raw.getRecordComponents()) {
				fields.put(component.getName(), value(component.getName(), component.getGenericType(), spoil, depth + 1));
			}
			return fields;
		}
		if (Modifier.isAbstract(raw.getModifiers()) || raw.isInterface()) {
			return Map.of();
		}
		return spoil == Spoil.WRONG ? "x" : Map.of();
	}

	private Object numberFor(String name) {
		Object known = knownFields().get(name);
		if (known instanceof Number) {
			return known;
		}
		String lower = name.toLowerCase();
		if (lower.endsWith("orgid")) {
			return b.id();
		}
		if (lower.endsWith("postid")) {
			return postB.id();
		}
		if (lower.endsWith("personid")) {
			return personB.id();
		}
		if (lower.contains("year")) {
			return 2026;
		}
		if (lower.equals("offset") || lower.equals("page") || lower.equals("after") || lower.equals("before")) {
			return 0;
		}
		return 10;
	}

	private Object textFor(String name) {
		Object known = knownFields().get(name);
		if (known instanceof String text) {
			return text;
		}
		return switch (name) {
			case "code", "username" -> unique().toLowerCase() + "w";
			case "password", "newPassword", "oldPassword" -> "Walk-password-123";
			default -> "x";
		};
	}

	/** One request of the walk: what it spoils, and how to build it. */
	record Attempt(String what, AbstractMockHttpServletRequestBuilder<?> request) {
	}

	List<Attempt> attempts(Endpoint endpoint) {
		List<Attempt> attempts = new ArrayList<>();
		List<String> variables = endpoint.pathVariables();
		attempts.add(new Attempt("plausible input", request(endpoint, Spoil.NONE, Spoil.NONE)));
		if (!variables.isEmpty()) {
			attempts.add(new Attempt("path variables of the wrong type", request(endpoint, Spoil.WRONG, Spoil.NONE)));
			attempts.add(new Attempt("path variables too large", request(endpoint, Spoil.HUGE, Spoil.NONE)));
		}
		if (!endpoint.requestParams().isEmpty()) {
			attempts.add(new Attempt("parameters missing", request(endpoint, Spoil.NONE, null)));
			for (Spoil spoil : List.of(Spoil.WRONG, Spoil.HUGE, Spoil.NUL)) {
				attempts.add(new Attempt("parameters " + spoil, request(endpoint, Spoil.NONE, spoil)));
			}
		}
		MethodParameter body = endpoint.body();
		if (body != null) {
			String url = url(endpoint, Spoil.NONE);
			Type type = body.getGenericParameterType();
			attempts.add(new Attempt("malformed JSON", json(endpoint, url, "{\"name\": \"x\", ")));
			attempts.add(new Attempt("no body", json(endpoint, url, null)));
			attempts.add(new Attempt("body null", json(endpoint, url, "null")));
			attempts.add(new Attempt("body an array", json(endpoint, url, "[]")));
			attempts.add(new Attempt("body a number", json(endpoint, url, "12")));
			attempts.add(new Attempt("body empty object", json(endpoint, url, "{}")));
			for (Spoil spoil : List.of(Spoil.NONE, Spoil.WRONG, Spoil.HUGE, Spoil.NUL)) {
				attempts.add(new Attempt("body fields " + spoil, json(endpoint, url, toJson(value("body", type, spoil, 0)))));
			}
			attempts.add(new Attempt("body as text/plain",
					with(endpoint, MockMvcRequestBuilders.request(endpoint.method(), url).contentType(MediaType.TEXT_PLAIN)
							.content(toJson(value("body", type, Spoil.NONE, 0))))));
		}
		if (endpoint.multipart()) {
			String url = url(endpoint, Spoil.NONE);
			attempts.add(new Attempt("file name with a NUL byte", upload(endpoint, url, "a\u0000b.pdf", PDF)));
			attempts.add(new Attempt("file name of 100,000 characters", upload(endpoint, url, "长".repeat(HUGE) + ".pdf", PDF)));
			attempts.add(new Attempt("empty file", upload(endpoint, url, "empty.xlsx", new byte[0])));
			attempts.add(new Attempt("garbage named .xlsx", upload(endpoint, url, "garbage.xlsx", GARBAGE)));
			attempts.add(new Attempt("garbage named .csv", upload(endpoint, url, "garbage.csv", GARBAGE)));
			attempts.add(new Attempt("no file", upload(endpoint, url, null, null)));
			attempts.add(new Attempt("not multipart",
					with(endpoint, MockMvcRequestBuilders.request(endpoint.method(), url).contentType(MediaType.APPLICATION_JSON)
							.content("{}"))));
		}
		return attempts;
	}

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] GARBAGE;

	static {
		GARBAGE = new byte[4096];
		new java.util.Random(13).nextBytes(GARBAGE);
		GARBAGE[0] = 'P';
		GARBAGE[1] = 'K';
		GARBAGE[2] = 3;
		GARBAGE[3] = 4;
	}

	String url(Endpoint endpoint, Spoil spoil) {
		Matcher m = VARIABLE.matcher(endpoint.pattern());
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = switch (spoil) {
				case NONE, NUL -> String.valueOf(pathValue(m.group(1), endpoint.pattern()));
				case WRONG -> "x";
				case HUGE -> "99999999999999999999";
			};
			m.appendReplacement(out, value);
		}
		m.appendTail(out);
		return out.toString();
	}

	/** A request to the endpoint; parameters spoiled as told, or none at all when {@code params} is null. */
	AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Spoil path, Spoil params) {
		String url = url(endpoint, path);
		AbstractMockHttpServletRequestBuilder<?> builder;
		if (endpoint.multipart()) {
			MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(endpoint.method(), url);
			for (MethodParameter p : endpoint.parameters()) {
				if (isFile(p)) {
					multipart.file(new MockMultipartFile(name(p), "walk.pdf", "application/pdf", PDF));
				}
			}
			builder = multipart;
		}
		else {
			builder = MockMvcRequestBuilders.request(endpoint.method(), url);
		}
		if (params != null) {
			for (MethodParameter p : endpoint.requestParams()) {
				Object value = value(name(p), p.getGenericParameterType(), params, 1);
				for (Object one : value instanceof Collection<?> c ? c : List.of(value)) {
					builder.param(name(p), one instanceof Map<?, ?> ? "{}" : String.valueOf(one));
				}
			}
		}
		MethodParameter body = endpoint.body();
		if (body != null) {
			builder.contentType(MediaType.APPLICATION_JSON)
					.content(toJson(value("body", body.getGenericParameterType(), Spoil.NONE, 0)));
		}
		return with(endpoint, builder);
	}

	AbstractMockHttpServletRequestBuilder<?> json(Endpoint endpoint, String url, String json) {
		var builder = MockMvcRequestBuilders.request(endpoint.method(), url).contentType(MediaType.APPLICATION_JSON);
		if (json != null) {
			builder.content(json);
		}
		for (MethodParameter p : endpoint.requestParams()) {
			builder.param(name(p), String.valueOf(value(name(p), p.getGenericParameterType(), Spoil.NONE, 1)));
		}
		return with(endpoint, builder);
	}

	AbstractMockHttpServletRequestBuilder<?> upload(Endpoint endpoint, String url, String fileName, byte[] content) {
		MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(endpoint.method(), url);
		if (fileName != null) {
			for (MethodParameter p : endpoint.parameters()) {
				if (isFile(p)) {
					multipart.file(new MockMultipartFile(name(p), fileName, "application/octet-stream", content));
				}
			}
		}
		for (MethodParameter p : endpoint.requestParams()) {
			Object value = value(name(p), p.getGenericParameterType(), Spoil.NONE, 1);
			multipart.param(name(p), String.valueOf(value instanceof Collection<?> c && !c.isEmpty() ? c.iterator().next() : value));
		}
		return with(endpoint, multipart);
	}

	AbstractMockHttpServletRequestBuilder<?> with(Endpoint endpoint, AbstractMockHttpServletRequestBuilder<?> builder) {
		builder.with(as(walker.id(), walker.username()));
		if (!endpoint.api()) {
			builder.with(csrf());
		}
		return builder;
	}

	/** JSON of maps, lists, texts, numbers and booleans; every control character escaped. */
	static String toJson(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder json = new StringBuilder("{");
			map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(toJson(String.valueOf(k))).append(':')
					.append(toJson(v)));
			return json.append('}').toString();
		}
		if (value instanceof Collection<?> list) {
			StringBuilder json = new StringBuilder("[");
			list.forEach(v -> json.append(json.length() > 1 ? "," : "").append(toJson(v)));
			return json.append(']').toString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toString().toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append("\\u%04x".formatted((int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	// ---- what the refusals say -----------------------------------------------------------------

	@Test
	void a_control_character_in_json_text_is_a_400_naming_the_field() throws Exception {
		MvcResult result = mvc.perform(postJson("/api/v1/orgs",
				"{\"code\":\"" + unique() + "z\",\"name\":\"a\\u0000b\",\"type\":\"BRANCH\",\"parentId\":" + b.id() + "}"))
				.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"name\"");
		assertThat(tree.children(b.id())).extracting(node -> node.org().name()).noneMatch(name -> name.contains("\u0000"));
	}

	@Test
	void a_control_character_in_a_parameter_is_a_400_naming_the_parameter() throws Exception {
		MvcResult api = mvc.perform(MockMvcRequestBuilders.get("/api/v1/orgs").param("q", "a\u0000b")).andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"q\"");
		MvcResult page = mvc.perform(MockMvcRequestBuilders.post("/orgs/" + b.id() + "/rename").param("name", "a\u0001b")
				.with(csrf())).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(400);
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("名称：");
		assertThat(tree.find(b.id()).orElseThrow().name()).doesNotContain("\u0001");
	}

	// ---- the walk --------------------------------------------------------------------------------

	@Test
	void no_endpoint_answers_5xx_to_bad_input() {
		List<String> offenders = new ArrayList<>();
		Map<String, Map<Integer, Integer>> statuses = new java.util.TreeMap<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints()) {
			for (Attempt attempt : attempts(endpoint)) {
				sent++;
				String outcome;
				try {
					MvcResult result = mvc.perform(attempt.request()).andReturn();
					int status = result.getResponse().getStatus();
					statuses.computeIfAbsent(attempt.what(), k -> new java.util.TreeMap<>()).merge(status, 1, Integer::sum);
					if (status < 500) {
						continue;
					}
					String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
					outcome = status + (result.getResolvedException() != null ? " " + result.getResolvedException() : "")
							+ " " + body.substring(0, Math.min(200, body.length()));
				}
				catch (Throwable e) {
					Throwable root = e;
					while (root.getCause() != null && root.getCause() != root) {
						root = root.getCause();
					}
					outcome = "500 (unhandled) " + e.getClass().getSimpleName() + " ← " + root;
				}
				String line = endpoint + " [" + attempt.what() + "] → " + outcome.replace('\n', ' ');
				offenders.add(line.length() > 600 ? line.substring(0, 600) + "…" : line);
			}
		}
		// what the walk reached, for whoever extends it
		statuses.forEach((what, counts) -> System.out.println("bad-input walk: " + what + " → " + counts));
		assertThat(sent).isGreaterThan(500);
		assertThat(offenders).as("%d requests of %d answered 5xx", offenders.size(), sent).isEmpty();
	}
}
