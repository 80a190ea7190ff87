package zeren.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import zeren.platform.NotFoundException;

/** A page asked for something that does not exist (404) or may not be changed by this user (403), in the user's language. */
@ControllerAdvice(annotations = Controller.class)
class NotFoundPages {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** A form value no form of ours sends (a tampered select, a letter in a number field). */
	@ExceptionHandler({ org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
			org.springframework.web.bind.MissingServletRequestParameterException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(Exception e, org.springframework.ui.Model model) {
		model.addAttribute("parameter", e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
				? m.getName() : ((org.springframework.web.bind.MissingServletRequestParameterException) e).getParameterName());
		return "error/400";
	}

	@ExceptionHandler(zeren.platform.ForbiddenException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden() {
		return "error/403";
	}
}
