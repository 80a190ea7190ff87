package zeren.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.platform.BusinessClock;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/** People: the cadres who hold posts, and whose responsibility follows them from post to post. */
@Service
@Transactional(readOnly = true)
public class People {

	static final RowMapper<Person> PERSON = (rs, n) -> new Person(rs.getLong("id"), rs.getString("name"),
			rs.getString("gender") == null ? null : Person.Gender.valueOf(rs.getString("gender")),
			rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("id_number"), rs.getString("notes"));

	private final JdbcClient jdbc;
	private final BusinessClock clock;

	People(JdbcClient jdbc, BusinessClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record NewPerson(String name, Person.Gender gender, java.time.LocalDate birthDate, String idNumber,
			String notes) {
	}

	@Transactional
	public Person create(NewPerson request) {
		List<InputError> errors = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().strip();
		if (name.isEmpty()) {
			errors.add(InputError.field("name", "error.field.required"));
		}
		else if (name.length() > 100) {
			errors.add(InputError.field("name", "error.field.too-long", 100));
		}
		String idNumber = ResidentIdNumber.normalise(request.idNumber());
		if (idNumber != null && idNumber.isEmpty()) {
			idNumber = null;
		}
		if (idNumber != null) {
			if (!ResidentIdNumber.isValid(idNumber)) {
				errors.add(InputError.field("idNumber", "error.person.id-number-invalid"));
			}
			else if (request.birthDate() != null
					&& !ResidentIdNumber.birthDate(idNumber).orElseThrow().equals(request.birthDate())) {
				errors.add(InputError.field("birthDate", "error.person.birth-date-mismatch"));
			}
		}
		if (request.birthDate() != null && request.birthDate().isAfter(clock.today())) {
			errors.add(InputError.field("birthDate", "error.field.future"));
		}
		if (request.notes() != null && request.notes().length() > 2000) {
			errors.add(InputError.field("notes", "error.field.too-long", 2000));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		java.time.LocalDate birthDate = request.birthDate() != null ? request.birthDate()
				: idNumber == null ? null : ResidentIdNumber.birthDate(idNumber).orElse(null);
		var now = clock.now();
		try {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO person (name, gender, birth_date, id_number, notes, created_at, updated_at)
					VALUES (:name, :gender, :birth, :idNumber, :notes, :now, :now)
					""").param("name", name).param("gender", request.gender() == null ? null : request.gender().name())
					.param("birth", birthDate).param("idNumber", idNumber).param("notes", request.notes())
					.param("now", now).update(keys, "id");
			return get(keys.getKey().longValue());
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("idNumber", "error.person.id-number-taken");
		}
	}

	public Optional<Person> find(long id) {
		return jdbc.sql("SELECT * FROM person WHERE id = :id").param("id", id).query(PERSON).optional();
	}

	public Person get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("person", id));
	}

	public List<Person> search(String q, int limit) {
		String text = q == null ? "" : q.strip();
		if (text.isEmpty()) {
			return jdbc.sql("SELECT * FROM person ORDER BY id DESC FETCH FIRST %d ROWS ONLY"
					.formatted(Math.max(1, Math.min(limit, 500)))).query(PERSON).list();
		}
		return jdbc.sql("""
				SELECT * FROM person WHERE name LIKE :pattern ESCAPE '\\' OR id_number = :exact
				ORDER BY name, id FETCH FIRST %d ROWS ONLY""".formatted(Math.max(1, Math.min(limit, 500))))
				.param("pattern", "%" + OrgTree.escapeLike(text) + "%").param("exact", text.toUpperCase())
				.query(PERSON).list();
	}
}
