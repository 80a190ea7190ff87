package zeren.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LastUseTest {

	@Test
	void a_key_is_due_on_first_use_and_then_once_a_period() {
		LastUse use = new LastUse(Duration.ofMinutes(1));
		OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
		assertThat(use.due(1, t0)).isTrue();
		assertThat(use.due(1, t0.plusSeconds(1))).isFalse();
		assertThat(use.due(1, t0.plusSeconds(59))).isFalse();
		assertThat(use.due(2, t0.plusSeconds(59))).isTrue();
		assertThat(use.due(1, t0.plusSeconds(60))).isTrue();
		assertThat(use.due(1, t0.plusSeconds(61))).isFalse();
		// a clock set back (tests, a corrected clock) writes again rather than waiting
		assertThat(use.due(1, t0.minusDays(1))).isTrue();
	}

	@Test
	void old_keys_are_dropped_when_many_were_used() {
		LastUse use = new LastUse(Duration.ofMinutes(1));
		OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
		for (long k = 0; k <= 10_000; k++) {
			use.due(k, t0);
		}
		assertThat(use.due(20_000, t0.plusMinutes(5))).isTrue();
		// key 0 was pruned with the others: due again although within a minute of nothing
		assertThat(use.due(0, t0.plusMinutes(5).plusSeconds(1))).isTrue();
	}
}
