package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import zeren.platform.web.FieldLabels;

/**
 * Every field a person can get wrong is named by a label in both languages: each field of each
 * request body of the API (nested records and lists included), each request parameter, and each
 * field name the code passes to an input error. And the Chinese and English bundles carry the
 * same keys.
 */
class FieldLabelsTest {

	record Bundles(Set<String> zh, Set<String> en, Map<String, Set<String>[]> pairs) {
	}

	static Bundles bundles() throws IOException {
		Set<String> zh = new HashSet<>();
		Set<String> en = new HashSet<>();
		Map<String, Set<String>[]> pairs = new TreeMap<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:**/*.properties");
		for (Resource file : files) {
			String url = file.getURL().toString();
			if (!url.contains("/target/classes/") || !(url.contains("/messages") || url.contains("/i18n/"))) {
				continue;
			}
			Properties properties = new Properties();
			try (InputStream in = file.getInputStream()) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			boolean english = url.endsWith("_en.properties");
			String base = url.substring(url.indexOf("/target/classes/") + 16).replace("_en.properties", ".properties");
			@SuppressWarnings("unchecked")
			Set<String>[] pair = pairs.computeIfAbsent(base, b -> new Set[] { new TreeSet<>(), new TreeSet<>() });
			pair[english ? 1 : 0].addAll(properties.stringPropertyNames());
			(english ? en : zh).addAll(properties.stringPropertyNames());
		}
		assertThat(pairs).as("message bundles found").isNotEmpty();
		return new Bundles(zh, en, pairs);
	}

	@Test
	void the_chinese_and_english_bundles_carry_the_same_keys() throws IOException {
		List<String> differences = new ArrayList<>();
		bundles().pairs().forEach((base, pair) -> {
			pair[0].stream().filter(k -> !pair[1].contains(k)).forEach(k -> differences.add(base + ": no English for " + k));
			pair[1].stream().filter(k -> !pair[0].contains(k)).forEach(k -> differences.add(base + ": no Chinese for " + k));
		});
		assertThat(differences).isEmpty();
	}

	/** One field to label: the modules to look in, and its path without indices. */
	record Field(String where, List<String> modules, String path) {
	}

	@Test
	void every_field_of_every_api_request_has_a_label_in_both_bundles() throws Exception {
		Bundles bundles = bundles();
		List<String> missing = new ArrayList<>();
		for (Field field : apiFields()) {
			List<String> candidates = FieldLabels.candidates(field.modules(), field.path());
			if (candidates.stream().noneMatch(bundles.zh()::contains)) {
				missing.add("中文 " + field.where() + " " + field.path() + " " + candidates.get(0));
			}
			if (candidates.stream().noneMatch(bundles.en()::contains)) {
				missing.add("English " + field.where() + " " + field.path() + " " + candidates.get(0));
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void every_field_named_in_an_input_error_has_a_label_in_both_bundles() throws Exception {
		Bundles bundles = bundles();
		java.util.regex.Pattern raised = java.util.regex.Pattern.compile(
				"(?:InputError\\.field|InvalidInputException\\.of|new ConflictException|new ForbiddenException)\\(\\s*\"([A-Za-z_.\\[\\]0-9]+)\""
						+ "|InputError\\.line\\([^,]+,\\s*\"([A-Za-z_.\\[\\]0-9]+)\"");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/zeren"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				String module = Path.of("src/main/java/zeren").relativize(source).getName(0).toString();
				Matcher m = raised.matcher(Files.readString(source));
				while (m.find()) {
					String path = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("\\[\\d*]", "");
					List<String> candidates = FieldLabels.candidates(List.of(module), path);
					if (candidates.stream().noneMatch(bundles.zh()::contains)
							|| candidates.stream().noneMatch(bundles.en()::contains)) {
						missing.add(source.getFileName() + " " + path + " " + candidates.get(0));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	static List<Field> apiFields() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<Field> fields = new ArrayList<>();
		DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
		for (var candidate : scanner.findCandidateComponents("zeren")) {
			Class<?> controller = Class.forName(candidate.getBeanClassName());
			String module = InputError.moduleOf(controller).orElseThrow();
			for (Method method : controller.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				String where = controller.getSimpleName() + "." + method.getName();
				for (int i = 0; i < method.getParameterCount(); i++) {
					MethodParameter parameter = new MethodParameter(method, i);
					parameter.initParameterNameDiscovery(names);
					if (parameter.hasParameterAnnotation(RequestBody.class)) {
						collect(where, module, parameter.getGenericParameterType(), "", fields, new HashSet<>());
					}
					else if (parameter.hasParameterAnnotation(RequestParam.class)
							|| parameter.hasParameterAnnotation(PathVariable.class)
							|| parameter.hasParameterAnnotation(RequestPart.class)) {
						fields.add(new Field(where, List.of(module), name(parameter)));
					}
				}
			}
		}
		assertThat(fields).as("request fields found").hasSizeGreaterThan(20);
		return fields;
	}

	private static String name(MethodParameter parameter) {
		for (var annotation : List.of(RequestParam.class, PathVariable.class, RequestPart.class)) {
			var found = parameter.getParameterAnnotation(annotation);
			if (found != null) {
				String value = (String) org.springframework.core.annotation.AnnotationUtils.getValue(found);
				if (value != null && !value.isEmpty()) {
					return value;
				}
			}
		}
		return parameter.getParameterName();
	}

	private static void collect(String where, String controllerModule, Type type, String prefix, List<Field> fields,
			Set<Class<?>> seen) {
		if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw)) {
			collect(where, controllerModule, p.getActualTypeArguments()[0], prefix, fields, seen);
			return;
		}
		if (!(type instanceof Class<?> record) || !record.isRecord() || !seen.add(record)) {
			return;
		}
		List<String> modules = new ArrayList<>();
		InputError.moduleOf(record).ifPresent(modules::add);
		if (!modules.contains(controllerModule)) {
			modules.add(controllerModule);
		}
		for (RecordComponent component : record.getRecordComponents()) {
			String path = prefix + component.getName();
			fields.add(new Field(where, modules, path));
			collect(where, controllerModule, component.getGenericType(), path + ".", fields, new HashSet<>(seen));
		}
	}
}
