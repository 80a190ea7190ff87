package zeren.accountability;

import java.time.LocalDate;

/**
 * A dated step of the procedure ({@code on}: today when empty) with an optional note: the fact
 * statement shown to a party, the filing.
 */
public record PartyStep(LocalDate on, String text) {
}
