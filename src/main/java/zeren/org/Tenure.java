package zeren.org;

import java.time.LocalDate;

/**
 * A person held a post from {@code startDate} to {@code endDate}, both inclusive; the end is
 * empty while they are in office. Tenures are never overwritten: a transfer, promotion or
 * retirement ends one tenure and starts another.
 */
public record Tenure(long id, long personId, long postId, LocalDate startDate, LocalDate endDate,
		EndReason endReason) {

	public enum EndReason {
		TRANSFER, PROMOTION, RETIREMENT, REMOVAL, DEATH, OTHER
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
	}
}
