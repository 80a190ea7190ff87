package zeren.org;

import java.time.LocalDate;

/** A person who holds, held or may hold posts. */
public record Person(long id, String name, Gender gender, LocalDate birthDate, String idNumber, String notes) {

	public enum Gender {
		MALE, FEMALE
	}
}
