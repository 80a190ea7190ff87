package zeren.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import zeren.support.ApiTest;

/** Page sessions in the database (Spring Session JDBC) are written at most once a minute by a request. */
class SessionTouchesTest extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	long lastAccess(String id) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id").param("id", id)
				.query(Long.class).single();
	}

	@Test
	void the_session_filter_is_the_one_that_touches_sessions_at_most_once_a_minute() {
		assertThat(context.getBean("springSessionRepositoryFilter")).isInstanceOf(SessionTouches.Throttled.class);
	}

	@SuppressWarnings("unchecked")
	@Test
	void a_request_within_a_minute_of_the_last_write_leaves_the_row_alone_and_a_later_one_writes_it() {
		SessionTouches.Repository repository = new SessionTouches.Repository((SessionRepository<Session>) sessions);
		SessionTouches.Touching created = repository.createSession();
		created.setAttribute("x", "y");
		repository.save(created);
		String id = created.getId();
		long first = lastAccess(id);

		// what the filter does on each request: find, touch, save
		SessionTouches.Touching again = repository.findById(id);
		again.setLastAccessedTime(Instant.ofEpochMilli(first).plusSeconds(30));
		repository.save(again);
		assertThat(lastAccess(id)).isEqualTo(first);

		SessionTouches.Touching later = repository.findById(id);
		later.setLastAccessedTime(Instant.ofEpochMilli(first).plusSeconds(61));
		repository.save(later);
		assertThat(lastAccess(id)).isEqualTo(first + 61_000);

		// an attribute set is written at once, as before
		SessionTouches.Touching changed = repository.findById(id);
		changed.setAttribute("x", "z");
		repository.save(changed);
		assertThat((String) repository.findById(id).getAttribute("x")).isEqualTo("z");
		repository.deleteById(id);
	}
}
