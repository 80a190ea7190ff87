package zeren.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import zeren.platform.InputError;

/**
 * The label a person reads for a field at fault. A field is a path ({@code title},
 * {@code interviewees[0].postId}); its label comes from the bundles, looked up by module first:
 * {@code field.<module>.<path>}, then the shared {@code field.<path>}, then the same two for the
 * path's last name. The module is the one that raised the error, then the one whose controller
 * handled the request. List indices are dropped from the key and shown as an ordinal:
 * "被约谈人（第 1 项）职务". Every field of every request has a label in both bundles (a test walks
 * them); a field without one is shown by its path, never silently dropped.
 */
public final class FieldLabels {

	private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)]");

	private FieldLabels() {
	}

	/** The label of {@code error}'s field, or null when it has no field. */
	public static String label(MessageSource messages, InputError error, Locale locale) {
		if (error.field() == null) {
			return null;
		}
		return label(messages, modules(error.module()), error.field(), locale);
	}

	static String label(MessageSource messages, List<String> modules, String path, Locale locale) {
		Matcher m = INDEX.matcher(path);
		String key = m.replaceAll("");
		m.reset();
		String ordinal = m.find() ? String.valueOf(Integer.parseInt(m.group(1)) + 1) : null;
		String label = find(messages, modules, key, locale).orElse(path);
		return ordinal == null ? label
				: messages.getMessage("error.field.item", new Object[] { label, ordinal }, label + " #" + ordinal, locale);
	}

	/** The label for a field path without indices, looked up in the given modules, then shared. */
	public static Optional<String> find(MessageSource messages, List<String> modules, String key, Locale locale) {
		for (String candidate : candidates(modules, key)) {
			try {
				return Optional.of(messages.getMessage(candidate, null, locale));
			}
			catch (NoSuchMessageException e) {
				// try the next
			}
		}
		return Optional.empty();
	}

	/** The keys tried, in order. */
	public static List<String> candidates(List<String> modules, String key) {
		Set<String> keys = new LinkedHashSet<>();
		String last = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
		for (String name : List.of(key, last)) {
			for (String module : modules) {
				keys.add("field." + module + "." + name);
			}
			keys.add("field." + name);
		}
		return new ArrayList<>(keys);
	}

	/** The error's own module, then the module of the controller handling the current request. */
	static List<String> modules(String own) {
		List<String> modules = new ArrayList<>();
		if (own != null) {
			modules.add(own);
		}
		requestModule().filter(m -> !modules.contains(m)).ifPresent(modules::add);
		return modules;
	}

	static Optional<String> requestModule() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return Optional.empty();
		}
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		return handler instanceof HandlerMethod method ? InputError.moduleOf(method.getBeanType()) : Optional.empty();
	}
}
