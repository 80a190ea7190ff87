package zeren.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused form comes back as it was typed. When a form's POST ends with errors (flashed for
 * the page it redirects to, or in the model of a page rendered directly), the values sent and the
 * errors by field go with them as {@code refill}: the form's action, its values by name and each
 * field's sentence ("标题：不能为空", the label from {@link FieldLabels}). The layout carries it
 * in a data attribute and {@code /js/forms.js} fills the form whose action it names and shows each
 * error beside its field. Passwords and the CSRF token are never sent back.
 */
class FormRefill implements HandlerInterceptor {

	/** Request attribute: field → sentence, set by {@link PageErrors} when it renders errors. */
	static final String FIELD_ERRORS = FormRefill.class.getName() + ".fieldErrors";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (!"POST".equals(request.getMethod())) {
			return;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		boolean flashed = flash != null && flash.get("errors") != null;
		boolean rendered = view != null && view.getModel().get("errors") != null && !isRedirect(view);
		if (!flashed && !rendered) {
			return;
		}
		String refill = of(request);
		if (flashed) {
			flash.put("refill", refill);
		}
		if (rendered) {
			view.addObject("refill", refill);
		}
	}

	private static boolean isRedirect(ModelAndView view) {
		return view.getViewName() != null && view.getViewName().startsWith("redirect:");
	}

	static String of(HttpServletRequest request) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, sent) -> {
			if (!name.equals("_csrf") && !name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
				values.put(name, List.of(sent));
			}
		});
		Object errors = request.getAttribute(FIELD_ERRORS);
		Map<String, Object> refill = new LinkedHashMap<>();
		refill.put("action", request.getRequestURI());
		refill.put("values", values);
		refill.put("errors", errors == null ? Map.of() : errors);
		return json.writeValueAsString(refill);
	}

	/** Remembers the sentence for each field at fault, for the refill of this request. */
	static void remember(List<zeren.platform.InputError> errors, List<String> sentences) {
		var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> byField = (Map<String, String>) attributes.getAttribute(FIELD_ERRORS,
				org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
		if (byField == null) {
			byField = new LinkedHashMap<>();
			attributes.setAttribute(FIELD_ERRORS, byField, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
		}
		for (int i = 0; i < errors.size(); i++) {
			if (errors.get(i).field() != null) {
				byField.merge(errors.get(i).field(), sentences.get(i), (a, b) -> a + "；" + b);
			}
		}
	}
}
