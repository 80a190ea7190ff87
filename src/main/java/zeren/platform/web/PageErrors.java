package zeren.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;

/** Renders refused input as sentences for a page, in the page's language. */
@Component
public class PageErrors {

	private final MessageSource messages;

	PageErrors(MessageSource messages) {
		this.messages = messages;
	}

	public List<String> of(RuntimeException e, Locale locale) {
		List<InputError> errors;
		if (e instanceof InvalidInputException invalid) {
			errors = invalid.errors();
		}
		else if (e instanceof ConflictException conflict) {
			errors = List.of(conflict.error());
		}
		else if (e instanceof zeren.platform.ForbiddenException forbidden && forbidden.error() != null) {
			errors = List.of(forbidden.error());
		}
		else {
			throw e;
		}
		List<String> sentences = errors.stream().map(error -> Messages.render(messages, error, locale)).toList();
		FormRefill.remember(errors, sentences);
		return sentences;
	}

	/**
	 * Runs a change submitted by a form and redirects to {@code target} either way; refused input
	 * comes back as flashed sentences, success as the layout's general success message. (Scope refusals are 403 pages, see NotFoundPages.)
	 */
	public String attempt(Runnable change, String target,
			org.springframework.web.servlet.mvc.support.RedirectAttributes flash, Locale locale) {
		try {
			change.run();
			flash.addFlashAttribute("success", true);
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("errors", of(e, locale));
		}
		return target;
	}

	public String message(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
