package zeren.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the events whose listener in another module failed (they stay incomplete in the
 * publication registry): every few minutes, those older than the configured age, as system work.
 * Listeners are idempotent, so a publication resubmitted by two nodes at once does no harm.
 */
@Component
class EventRetries {

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

	private final IncompleteEventPublications incomplete;
	private final Duration age;

	EventRetries(IncompleteEventPublications incomplete,
			@Value("${zeren.events.retry-after:PT5M}") Duration age) {
		this.incomplete = incomplete;
		this.age = age;
	}

	@Scheduled(fixedDelayString = "${zeren.events.retry-every:PT5M}", initialDelayString = "${zeren.events.retry-every:PT5M}")
	// held for a whole period: the nodes' unsynchronised ticks resubmit once per period in all
	@SchedulerLock(name = "event-retries", lockAtMostFor = "PT10M", lockAtLeastFor = "${zeren.events.retry-every:PT5M}")
	void retry() {
		SystemWork.run("event-retries", () -> {
			try {
				incomplete.resubmitIncompletePublicationsOlderThan(age);
			}
			catch (RuntimeException e) {
				log.warn("resubmitting incomplete events failed; next try in a few minutes", e);
			}
		});
	}
}
