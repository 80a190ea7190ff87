package zeren.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import zeren.platform.BusinessClock;

/**
 * The business clock of the tests: the real one unless a test sets the date, so that deadlines
 * can be crossed without waiting. A test that sets it resets it when it ends ({@link #reset()}).
 */
@Primary
@Component
public class SettableClock extends BusinessClock {

	private volatile LocalDate today;

	public SettableClock(@Value("${zeren.zone:Asia/Shanghai}") String zone) {
		super(zone);
	}

	/** From now on, today is {@code date}. */
	public void set(LocalDate date) {
		today = date;
	}

	/** Back to the real date. */
	public void reset() {
		today = null;
	}

	@Override
	public LocalDate today() {
		LocalDate fixed = today;
		return fixed != null ? fixed : super.today();
	}

	@Override
	public OffsetDateTime now() {
		LocalDate fixed = today;
		OffsetDateTime real = super.now();
		return fixed != null ? fixed.atTime(real.toLocalTime()).atZone(zone()).toOffsetDateTime() : real;
	}
}
