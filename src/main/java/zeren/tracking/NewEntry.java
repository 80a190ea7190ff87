package zeren.tracking;

import java.time.LocalDate;
import java.util.List;

/** A progress entry to record (一事一记): the date of the work, what was done, evidence already uploaded. */
public record NewEntry(LocalDate date, String text, List<Long> evidenceIds) {
}
