package zeren.accountability;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.audit.AuditTrail;
import zeren.platform.ConflictException;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.Inputs;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;

/**
 * The catalogue of triggering situations (追责情形), seeded with the ten of the source text and
 * the three triggers of retrospective tracing (倒查) of its last sentence on 一案双查. An
 * administrator adds situations and deactivates them; a deactivated one stays on the cases that
 * cite it but is not offered for new ones.
 */
@Service
@Transactional(readOnly = true)
public class Situations {

	/**
	 * @param concernsLower the failure is about lower committees, so the upper committee's leaders
	 * are proposed as well
	 * @param retrospective a trigger of retrospective tracing (倒查): the principal and the discipline
	 * body of the period are pursued whether still in post, transferred or promoted
	 */
	public record Situation(long id, String code, String name, boolean concernsLower, boolean retrospective,
			int sortOrder, boolean active) {
	}

	private final JdbcClient jdbc;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final Inputs inputs;

	Situations(JdbcClient jdbc, CurrentScope scope, AuditTrail audit, Inputs inputs) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.inputs = inputs;
	}

	/** The catalogue in its order; {@code activeOnly} for what a new case may cite. */
	public List<Situation> list(boolean activeOnly) {
		return jdbc.sql("SELECT * FROM acc_situation" + (activeOnly ? " WHERE active = TRUE" : "")
				+ " ORDER BY sort_order, id").query(Rows.of(Situation.class)).list();
	}

	public Situation get(long id) {
		return jdbc.sql("SELECT * FROM acc_situation WHERE id = :id").param("id", id).query(Rows.of(Situation.class)).optional()
				.orElseThrow(() -> new NotFoundException("accountability-situation", id));
	}

	public record NewSituation(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 500) String name,
			Boolean concernsLower, Boolean retrospective) {
	}

	@Transactional
	public Situation add(NewSituation request) {
		requireAdmin();
		inputs.check(request);
		String code = request.code().strip();
		String name = request.name().strip();
		int next = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM acc_situation").query(Integer.class).single();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO acc_situation (code, name, concerns_lower, retrospective, sort_order, active)
					VALUES (:code, :name, :lower, :retrospective, :sort, TRUE)
					""").param("code", code).param("name", name)
					.param("lower", Boolean.TRUE.equals(request.concernsLower()))
					.param("retrospective", Boolean.TRUE.equals(request.retrospective())).param("sort", next)
					.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("code", "error.accountability.situation-code-taken", code);
		}
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(null, "accountability-situation", id, "CREATE",
				"code=%s name=%s concernsLower=%s retrospective=%s".formatted(code, name, request.concernsLower(),
						request.retrospective())));
		return get(id);
	}

	@Transactional
	public Situation setActive(long id, boolean active) {
		requireAdmin();
		Situation situation = get(id);
		jdbc.sql("UPDATE acc_situation SET active = :active WHERE id = :id").param("active", active).param("id", id)
				.update();
		audit.record(new AuditTrail.Change(null, "accountability-situation", id, active ? "ACTIVATE" : "DEACTIVATE",
				"code=" + situation.code()));
		return get(id);
	}

	private void requireAdmin() {
		if (!scope.isAdmin()) {
			throw new ForbiddenException();
		}
	}
}
