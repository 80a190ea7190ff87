package zeren.tracking;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A progress entry to record (一事一记): the date of the work (not after the business date), what
 * was done, evidence already uploaded for the item's organisation.
 */
public record NewEntry(@NotNull LocalDate date, @NotBlank @Size(max = TrackedItemMoves.MAX_TEXT) String text,
		List<Long> evidenceIds) {
}
