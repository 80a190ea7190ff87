package zeren.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * A page asked for something that does not exist (404) or may not be changed by this user (403),
 * in the user's language; each error page links back to the page the user came from.
 */
@ControllerAdvice(annotations = Controller.class)
class NotFoundPages {

	private final PageErrors errors;

	NotFoundPages(PageErrors errors) {
		this.errors = errors;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(HttpServletRequest request, Model model) {
		model.addAttribute("back", back(request));
		return "error/404";
	}

	/**
	 * A form value that cannot be read (a letter in a number field, a date that is not one, a
	 * field missing), or a page's own refusal of a value that no form handles itself (a year out of range). A form sent from one of our pages goes back to that page with the error
	 * beside the field and everything typed kept (see {@link FormRefill}); anything else is a 400
	 * page naming the field by its label, with a link back.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			BindException.class, InvalidInputException.class })
	String badRequest(Exception e, Model model, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		InvalidInputException invalid = new InvalidInputException(inputErrors(e));
		List<String> sentences = errors.of(invalid, locale);
		String back = back(request);
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		if ("POST".equals(request.getMethod()) && back != null && flash != null) {
			flash.put("errors", sentences);
			flash.put("refill", FormRefill.of(request));
			return "redirect:" + back;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("errors", sentences);
		model.addAttribute("back", back);
		return "error/400";
	}

	private static List<InputError> inputErrors(Exception e) {
		if (e instanceof InvalidInputException i) {
			return i.errors();
		}
		if (e instanceof MethodArgumentTypeMismatchException m) {
			return List.of(InputError.field(m.getName(), "error.field.format", String.valueOf(m.getValue())));
		}
		if (e instanceof MissingServletRequestParameterException m) {
			return List.of(InputError.field(m.getParameterName(), "error.field.required"));
		}
		BindException bind = (BindException) e;
		return bind.getFieldErrors().stream()
				.map(f -> InputError.field(f.getField(), "error.field.format",
						f.getRejectedValue() == null ? "" : String.valueOf(f.getRejectedValue())))
				.toList();
	}

	@ExceptionHandler(zeren.platform.ForbiddenException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(HttpServletRequest request, Model model) {
		model.addAttribute("back", back(request));
		return "error/403";
	}

	/** The page the request came from when it is one of ours (path and query), else null. */
	static String back(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
					|| uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/")) {
				return null;
			}
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
