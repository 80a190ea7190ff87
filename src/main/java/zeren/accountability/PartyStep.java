package zeren.accountability;

import java.time.LocalDate;

/**
 * A dated step of the procedure ({@code on}: today when empty) with its text where the step has
 * one: the fact statement shown and the party's statement, the report, the filing, an appeal.
 */
public record PartyStep(LocalDate on, String text) {
}
