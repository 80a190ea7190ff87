package zeren.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module puts on the signed-in person's attention list (the home page): the things that
 * person must do now, each a link to where it is done. A module implements it as a bean reading
 * its own records through the caller's scope; the person is the one the account is linked to
 * ({@link CurrentScope#person()}), the posts those they hold today (the module resolves them
 * through tenures, as its own queries already do).
 */
public interface Attention {

	/**
	 * @param group a message key naming the group ("letters waiting for my signature")
	 * @param text what the thing is, as the module shows it (a title, an organisation)
	 * @param link an application path where it is done
	 * @param colour {@code RED}, {@code YELLOW}, {@code BLUE} or null
	 * @param due its deadline, or null
	 */
	record Item(String group, String text, String link, String colour, LocalDate due) {
	}

	/** The signed-in person's items on {@code today}. */
	List<Item> forPerson(long personId, LocalDate today);
}
