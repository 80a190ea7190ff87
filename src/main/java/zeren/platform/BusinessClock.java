package zeren.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Business dates are calendar dates in Asia/Shanghai (configurable with {@code zeren.zone}),
 * whatever the server's own time zone is.
 */
@Component
public class BusinessClock {

	private final Clock clock;

	public BusinessClock(@Value("${zeren.zone:Asia/Shanghai}") String zone) {
		this.clock = Clock.system(ZoneId.of(zone));
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}
