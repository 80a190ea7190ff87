package zeren.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import zeren.evidence.Evidence;

/** A recorded progress entry with its evidence. */
public record Entry(long id, long itemId, LocalDate date, String text, String recordedBy, OffsetDateTime recordedAt,
		List<Evidence> evidence) {
}
