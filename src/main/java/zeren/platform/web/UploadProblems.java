package zeren.platform.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/**
 * An upload the servlet container cannot take: larger than the upload limit (413), or not
 * readable as {@code multipart/form-data} — a NUL byte in a file name, a broken body, a
 * multipart content type on a request that is none (400). Field {@code file} either way.
 *
 * <p>These fail while the request is read, before a controller is chosen, so an advice limited
 * to some controllers never sees them (Spring answered 500, or 413 with an empty body): this one
 * applies to every request and tells an API call from a page by its path.
 */
// After ProblemDetailsAdvice, which never sees these (no controller), so that the two never compete.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice
class UploadProblems {

	private final ProblemDetailsAdvice problems;
	private final MessageSource messages;
	private final DataSize limit;

	UploadProblems(ProblemDetailsAdvice problems, MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize fileLimit,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize requestLimit) {
		this.problems = problems;
		this.messages = messages;
		this.limit = fileLimit.compareTo(requestLimit) <= 0 ? fileLimit : requestLimit;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE,
				InputError.field("file", "error.upload.too-large", Math.max(1, limit.toMegabytes())));
	}

	@ExceptionHandler(MultipartException.class)
	Object unreadable(HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, InputError.field("file", "error.upload.unreadable"));
	}

	private Object answer(HttpServletRequest request, HttpStatus status, InputError error) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail body = problems.invalid(new InvalidInputException(List.of(error))).getBody();
			body.setStatus(status.value());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
		}
		ModelAndView page = new ModelAndView("error/400", status);
		page.addObject("errors", List.of(Messages.render(messages, error, LocaleContextHolder.getLocale())));
		return page;
	}
}
