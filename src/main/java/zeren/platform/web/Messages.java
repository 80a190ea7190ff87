package zeren.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

import zeren.platform.InputError;

/** Renders an {@link InputError} as one sentence: "第 12 行 name：不能为空" / "line 12, name: must not be empty". */
public final class Messages {

	private Messages() {
	}

	public static String render(MessageSource messages, InputError error, Locale locale) {
		String text = messages.getMessage(error.code(), error.args().toArray(), error.code(), locale);
		String field = error.field() == null ? null
				: messages.getMessage("field." + error.field(), null, error.field(), locale);
		if (error.line() != null) {
			return messages.getMessage("error.at-line", new Object[] { error.line(), field, text }, locale);
		}
		if (field != null) {
			return messages.getMessage("error.at-field", new Object[] { field, text }, locale);
		}
		return text;
	}
}
