package zeren.duty;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.platform.Batch;
import zeren.platform.InvalidInputException;

/**
 * Several responsibility letters issued (下达) or signed (签署) at once, from the list of an
 * organisation's letters. Each letter goes through {@link LetterManagement#issue} or
 * {@link LetterManagement#sign} with its own checks and its own audit event; the batch is all or
 * nothing ({@link Batch}): a letter that cannot be issued or signed is named (by its recipient)
 * with the reason, and none of the batch is done.
 */
@Service
@Transactional
public class LetterBatches {

	/** What a batch does to each letter chosen. */
	public enum Action {
		ISSUE, SIGN
	}

	private final LetterManagement management;
	private final ResponsibilityLetters letters;

	LetterBatches(LetterManagement management, ResponsibilityLetters letters) {
		this.management = management;
		this.letters = letters;
	}

	/**
	 * Issues or signs ({@code action}: "ISSUE" or "SIGN", as a page or a client sends it) each of
	 * the letters; answers how many were done. Signing signs, on each letter, the side whose post
	 * the caller's person holds today and that has not signed yet.
	 */
	public int apply(String action, List<Long> letterIds) {
		Action what = parse(action);
		return Batch.each(letterIds, this::name, id -> {
			switch (what) {
				case ISSUE -> management.issue(id);
				case SIGN -> management.sign(id, null);
			}
		});
	}

	private static Action parse(String action) {
		if (action == null || action.isBlank()) {
			throw InvalidInputException.of("action", "error.field.required");
		}
		try {
			return Action.valueOf(action.strip());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("action", "error.field.format", action);
		}
	}

	/** A letter as people name it: its recipient (all letters of a year share a title); its number when out of view. */
	private String name(long id) {
		return letters.head(id, false).filter(letters::visible)
				.map(h -> h.recipientOrgName() + " " + h.recipientPostTitle()).orElse(String.valueOf(id));
	}
}
