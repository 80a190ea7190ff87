package zeren.platform.web;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is answered by a page (a view rendered with a model) or by a body (the API,
 * a download): the advices that add the layout's model — who is signed in, the unread count, the
 * demo banner — apply to {@code @Controller}, which {@code @RestController} is too, so without
 * this check every API call would read grants and count notifications it never shows (issue 18:
 * nine statements for the smallest API read).
 */
public final class PageModel {

	private PageModel() {
	}

	/** {@code false} when the handler writes its answer as a body ({@code @ResponseBody} on it or its class). */
	public static boolean wanted(HttpServletRequest request) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (handler instanceof HandlerMethod method) {
			return !(method.hasMethodAnnotation(ResponseBody.class)
					|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class));
		}
		return true;
	}
}
