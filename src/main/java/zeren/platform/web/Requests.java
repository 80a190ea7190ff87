package zeren.platform.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Facts about the HTTP request being served, for records that name where a change came from. */
public final class Requests {

	private Requests() {
	}

	/** The client's address, or null outside a request (start-up loads, scheduled jobs). */
	public static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}
}
