package zeren.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;

/**
 * One date format per language for every page: {@code ${@dates.date(x)}} and
 * {@code ${@dates.time(x)}} in the templates, with the patterns {@code format.date} and
 * {@code format.time} of the bundles (zh and en: 2026-07-01, 2026-07-01 09:30), instants shown in
 * the business zone (Asia/Shanghai). Null is the empty text.
 */
@Component("dates")
public class Dates {

	private final MessageSource messages;
	private final BusinessClock clock;

	Dates(MessageSource messages, BusinessClock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String date(Object value) {
		return format(value, "format.date", "yyyy-MM-dd");
	}

	public String time(Object value) {
		return format(value, "format.time", "yyyy-MM-dd HH:mm");
	}

	private String format(Object value, String key, String fallback) {
		if (value == null) {
			return "";
		}
		TemporalAccessor t;
		if (value instanceof Instant i) {
			t = i.atZone(clock.zone());
		}
		else if (value instanceof OffsetDateTime o) {
			t = o.atZoneSameInstant(clock.zone());
		}
		else if (value instanceof ZonedDateTime z) {
			t = z.withZoneSameInstant(clock.zone());
		}
		else if (value instanceof TemporalAccessor local) {
			t = local;
		}
		else {
			throw new IllegalArgumentException("not a date: " + value.getClass());
		}
		String pattern = messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
		return DateTimeFormatter.ofPattern(pattern, LocaleContextHolder.getLocale()).format(t);
	}
}
