package zeren.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import jakarta.validation.ConstraintViolation;

import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.Inputs;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * Every error of the JSON API is an RFC 9457 problem detail ({@code application/problem+json})
 * whose {@code errors} name the field, or the line of an uploaded file, at fault, in the
 * caller's language.
 */
// First, so that API errors never fall through to the page advice (a @RestController is also a @Controller).
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	/** The most errors one answer lists; {@code errorCount} always tells how many there were. */
	static final int MAX_LISTED = 1000;

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.errors(), e.errorCount());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "conflict", List.of(e.error()), 1);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail body = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		body.setType(URI.create("urn:zeren:problem:not-found"));
		body.setTitle(messages.getMessage("problem.not-found", null, locale));
		body.setDetail(messages.getMessage("problem.not-found.detail",
				new Object[] { messages.getMessage("entity." + e.entity(), null, e.entity(), locale), e.id() },
				locale));
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
	}

	@ExceptionHandler(zeren.platform.ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(zeren.platform.ForbiddenException e) {
		if (e.error() != null) {
			return problem(HttpStatus.FORBIDDEN, "forbidden", List.of(e.error()), 1);
		}
		ProblemDetail body = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
		body.setType(URI.create("urn:zeren:problem:forbidden"));
		body.setTitle(messages.getMessage("problem.forbidden", null, LocaleContextHolder.getLocale()));
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input",
				List.of(InputError.field(e.getName(), "error.field.format", String.valueOf(e.getValue()))), 1);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InputError> errors = new ArrayList<>();
		e.getBindingResult().getFieldErrors().forEach(fe -> errors.add(fe.contains(ConstraintViolation.class)
				? Inputs.error(fe.unwrap(ConstraintViolation.class))
				: InputError.field(fe.getField(), "error.field.constraint", messageOf(fe.getDefaultMessage()))));
		e.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(
				InputError.field("body", "error.field.constraint", messageOf(ge.getDefaultMessage()))));
		return asObject(problem(HttpStatus.BAD_REQUEST, "invalid-input", errors, errors.size()));
	}

	/** Constraints on request parameters ({@code @RequestParam @Min(2000) int year}). */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InputError> errors = new ArrayList<>();
		for (ParameterValidationResult result : e.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			for (var error : result.getResolvableErrors()) {
				errors.add(error instanceof org.springframework.validation.FieldError fe
						&& fe.contains(ConstraintViolation.class) ? Inputs.error(fe.unwrap(ConstraintViolation.class))
								: result.unwrap(error, ConstraintViolation.class) instanceof ConstraintViolation<?> v
										? new InputError(name, null, Inputs.error(v).code(), Inputs.error(v).args())
										: InputError.field(name, "error.field.constraint",
												messageOf(error.getDefaultMessage())));
			}
		}
		return asObject(problem(HttpStatus.BAD_REQUEST, "invalid-input", errors, errors.size()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = "body";
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (var ref : je.getPath()) {
				if (ref.getPropertyName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					path.append('[').append(ref.getIndex()).append(']');
				}
			}
			if (!path.isEmpty()) {
				field = path.toString();
			}
		}
		return asObject(problem(HttpStatus.BAD_REQUEST, "invalid-input",
				List.of(InputError.field(field, "error.body.unreadable")), 1));
	}

	private static String messageOf(String s) {
		return s == null ? "" : s;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
		return (ResponseEntity) entity;
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, List<InputError> errors,
			long count) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail body = ProblemDetail.forStatus(status);
		body.setType(URI.create("urn:zeren:problem:" + type));
		body.setTitle(messages.getMessage("problem." + type, null, locale));
		List<Map<String, Object>> listed = new ArrayList<>();
		for (InputError error : errors.subList(0, Math.min(errors.size(), MAX_LISTED))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", error.field());
			if (error.line() != null) {
				item.put("line", error.line());
			}
			item.put("code", error.code());
			item.put("message", Messages.render(messages, error, locale));
			listed.add(item);
		}
		if (!listed.isEmpty()) {
			body.setDetail((String) listed.get(0).get("message"));
		}
		body.setProperty("errors", listed);
		body.setProperty("errorCount", count);
		return ResponseEntity.status(status).body(body);
	}
}
