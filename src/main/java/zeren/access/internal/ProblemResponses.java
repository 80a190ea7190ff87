package zeren.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 for the API as problem details, never a login page; 429 with {@code Retry-After}
 * when the password checks are busy ({@link PasswordChecksBusy}).
 */
@Component
class ProblemResponses {

	private final MessageSource messages;
	private final org.springframework.web.servlet.LocaleResolver locales;

	ProblemResponses(MessageSource messages, org.springframework.web.servlet.LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	AuthenticationEntryPoint unauthorized() {
		return (request, response, e) -> {
			if (e instanceof PasswordChecksBusy) {
				busy(request, response);
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"zeren\", Bearer");
			write(response, 401, "unauthorized", localeOf(request));
		};
	}

	/** 429: too many password checks at once; the problem's title says tokens need none. */
	void busy(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", String.valueOf(PasswordChecksBusy.RETRY_AFTER_SECONDS));
		write(response, 429, "busy", localeOf(request));
	}

	AccessDeniedHandler forbidden() {
		return (request, response, e) -> write(response, 403, "forbidden", localeOf(request));
	}

	/**
	 * The language the pages would use: {@code ?lang=} first (these answers come before the
	 * interceptor that reads it), then the application's own locale resolver (cookie, else Chinese).
	 */
	private Locale localeOf(jakarta.servlet.http.HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang != null && !lang.isBlank()) {
			return org.springframework.util.StringUtils.parseLocale(lang.strip());
		}
		return locales.resolveLocale(request);
	}

	private void write(HttpServletResponse response, int status, String type, Locale locale) throws IOException {
		String title = messages.getMessage("problem." + type, null, type, locale);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"type\":\"urn:zeren:problem:%s\",\"title\":\"%s\",\"status\":%d}"
				.formatted(type, title.replace("\\", "\\\\").replace("\"", "\\\""), status));
	}
}
