package zeren.platform.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text that comes in — a JSON string, a query or form parameter, a path variable — never holds a
 * control character other than tab, line feed and carriage return. PostgreSQL refuses a NUL in
 * text (the statement fails, which used to answer 500) and XML, so XLSX, refuses the other C0
 * controls; no one types them. Refused as the field's or parameter's wrong format (400), before
 * any service sees them.
 */
@ControllerAdvice
class TextInput {

	/** Whether the text holds a character no text field of ours takes. */
	static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

	/** For every JSON string (a request body's fields, list elements and nested records); see WebConfig. */
	static JacksonModule jacksonModule() {
		return new SimpleModule("zeren-text-input").addDeserializer(String.class, new StringDeserializer() {
			@Override
			public String deserialize(JsonParser p, DeserializationContext ctxt) {
				String text = super.deserialize(p, ctxt);
				if (text != null && hasControlCharacter(text)) {
					throw ctxt.weirdStringException(text, String.class, "contains a control character");
				}
				return text;
			}
		});
	}

	/** Every request parameter and path variable bound to a String (so also a list or array of them). */
	@InitBinder
	void parametersWithoutControlCharacters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				if (text != null && hasControlCharacter(text)) {
					throw new IllegalArgumentException("contains a control character");
				}
				setValue(text);
			}

			@Override
			public String getAsText() {
				Object value = getValue();
				return value == null ? "" : value.toString();
			}
		});
	}
}
