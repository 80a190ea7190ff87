package zeren.platform;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Component;

/**
 * Checks the Bean Validation constraints declared on a request record and refuses it with one
 * {@link InputError} per violation, each naming its field (by path: {@code interviewees[0].postId})
 * and a message key of the shared bundle, so that pages and the API say the same thing:
 *
 * <pre>{@code
 * public record NewInspection(@NotBlank @Size(max = 200) String title, @NotNull Long orgId) {}
 * inputs.check(request);   // InvalidInputException: 检查名称：不能为空
 * }</pre>
 *
 * The same mapping serves {@code @Valid} request bodies in the API (see ProblemDetailsAdvice).
 */
@Component
public class Inputs {

	private final Validator validator;

	Inputs(Validator validator) {
		this.validator = validator;
	}

	/** Throws {@link InvalidInputException} if {@code input} breaks any of its declared constraints. */
	public void check(Object input) {
		if (input == null) {
			throw InvalidInputException.of("body", "error.field.required");
		}
		Set<ConstraintViolation<Object>> violations = validator.validate(input);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(errors(violations));
		}
	}

	/** The violations as input errors, in a stable order (by field). */
	public static List<InputError> errors(Collection<? extends ConstraintViolation<?>> violations) {
		Comparator<InputError> byField = Comparator.comparing(InputError::field,
				Comparator.nullsFirst(Comparator.<String>naturalOrder()));
		return violations.stream().map(Inputs::error).sorted(byField.thenComparing(InputError::code)).toList();
	}

	/** One violation as an input error, labelled by the module of the record that declares the field. */
	public static InputError error(ConstraintViolation<?> violation) {
		String field = path(violation.getPropertyPath());
		String module = InputError.moduleOf(violation.getRootBeanClass()).orElse(null);
		Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
		Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
		Object value = violation.getInvalidValue();
		String code;
		List<Object> args = List.of();
		if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
			code = "error.field.required";
		}
		else if (constraint instanceof Size) {
			int min = (Integer) attributes.get("min");
			int max = (Integer) attributes.get("max");
			int size = sizeOf(value);
			boolean many = value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[];
			if (size > max) {
				code = many ? "error.field.too-many" : "error.field.too-long";
				args = List.of(max);
			}
			else {
				code = many ? "error.field.too-few" : "error.field.too-short";
				args = List.of(min);
			}
		}
		else if (constraint instanceof Min || constraint instanceof DecimalMin) {
			code = "error.field.min";
			args = List.of(String.valueOf(attributes.get("value")));
		}
		else if (constraint instanceof Max || constraint instanceof DecimalMax) {
			code = "error.field.max";
			args = List.of(String.valueOf(attributes.get("value")));
		}
		else if (constraint instanceof Positive) {
			code = "error.field.min";
			args = List.of("1");
		}
		else if (constraint instanceof PositiveOrZero) {
			code = "error.field.min";
			args = List.of("0");
		}
		else if (constraint instanceof Negative || constraint instanceof NegativeOrZero) {
			code = "error.field.max";
			args = List.of("0");
		}
		else if (constraint instanceof Past || constraint instanceof PastOrPresent) {
			code = "error.field.future";
		}
		else if (constraint instanceof Email) {
			code = "error.field.email";
		}
		else if (constraint instanceof Pattern) {
			code = "error.field.format";
			args = List.of(String.valueOf(value));
		}
		else {
			code = "error.field.constraint";
			args = List.of(violation.getMessage());
		}
		return new InputError(field, null, code, args, module);
	}

	/**
	 * The field's path as the labels know it: {@code interviewees[0].postId}, and for a constraint
	 * on the entries of a list of values ({@code List<@NotBlank String> questions}) the entry
	 * itself, {@code questions[2]}, without the validator's {@code <list element>} node.
	 */
	static String path(jakarta.validation.Path path) {
		StringBuilder field = new StringBuilder();
		for (jakarta.validation.Path.Node node : path) {
			if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
				field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
			}
			if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT && node.getName() != null
					&& node.getKind() != jakarta.validation.ElementKind.BEAN) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(node.getName());
			}
		}
		return field.toString();
	}

	private static int sizeOf(Object value) {
		if (value instanceof CharSequence s) {
			return s.length();
		}
		if (value instanceof Collection<?> c) {
			return c.size();
		}
		if (value instanceof Map<?, ?> m) {
			return m.size();
		}
		if (value instanceof Object[] a) {
			return a.length;
		}
		return 0;
	}
}
