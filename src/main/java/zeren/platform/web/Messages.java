package zeren.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

import zeren.platform.InputError;

/** Renders an {@link InputError} as one sentence: "第 12 行 name：不能为空" / "line 12, name: must not be empty". */
public final class Messages {

	private Messages() {
	}

	public static String render(MessageSource messages, InputError error, Locale locale) {
		String text = messages.getMessage(error.code(), plain(error.args()), error.code(), locale);
		String field = FieldLabels.label(messages, error, locale);
		if (error.line() != null) {
			return messages.getMessage("error.at-line", new Object[] { String.valueOf(error.line()), field, text }, locale);
		}
		if (field != null) {
			return messages.getMessage("error.at-field", new Object[] { field, text }, locale);
		}
		return text;
	}

	/**
	 * Numbers in these messages are identifiers and line numbers that people type back into a
	 * form or look up in a file: shown as they are ("1234567"), never grouped ("1,234,567").
	 */
	private static Object[] plain(java.util.List<Object> args) {
		return args.stream().map(arg -> arg instanceof Long || arg instanceof Integer ? (Object) arg.toString() : arg)
				.toArray();
	}
}
