package zeren.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A form opened from another record with facts already filled in (collect a fact once): the same
 * {@code refill} the layout and {@code /js/forms.js} use for a refused form, without errors. Put
 * {@link #of} in the model as {@code refill}.
 */
public final class FormPrefill {

	private static final JsonMapper json = JsonMapper.builder().build();

	private FormPrefill() {
	}

	/** The refill of the form whose action is {@code action}; blank values are left out. */
	public static String of(String action, Map<String, String> values) {
		Map<String, List<String>> filled = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				filled.put(name, List.of(value));
			}
		});
		Map<String, Object> refill = new LinkedHashMap<>();
		refill.put("action", action);
		refill.put("values", filled);
		refill.put("errors", Map.of());
		return json.writeValueAsString(refill);
	}
}
