package zeren.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zeren.evidence.Evidence;
import zeren.evidence.EvidenceFiles;
import zeren.platform.BusinessClock;
import zeren.support.Sibling;
import zeren.support.SiblingData;

/**
 * The tracking and evidence modules' part of the scope walk: an item of the sibling county in
 * progress, with an entry and its evidence file (named after the secret, so a leak shows).
 */
@Component
class TrackingSiblingData implements SiblingData {

	private final TrackedItems items;
	private final Tracking tracking;
	private final TrackedItemMoves moves;
	private final EvidenceFiles files;
	private final BusinessClock clock;
	private final EntryCorrections corrections;

	private TrackedItem item;
	private Evidence evidence;
	private Entry entry;

	TrackingSiblingData(TrackedItems items, Tracking tracking, TrackedItemMoves moves, EvidenceFiles files,
			BusinessClock clock, EntryCorrections corrections) {
		this.corrections = corrections;
		this.items = items;
		this.tracking = tracking;
		this.moves = moves;
		this.files = files;
		this.clock = clock;
	}

	@Override
	public void create(Sibling s) {
		item = tracking.open(new NewTrackedItem("test.sibling", s.prefix() + "item", s.b().id(), s.secretOrg() + "事项",
				s.postB().id(), null, s.city().id(), clock.today().plusDays(30)));
		evidence = files.store(s.b().id(), s.secretOrg() + ".txt",
				new ByteArrayInputStream((s.secretOrg() + s.secretPerson()).getBytes(StandardCharsets.UTF_8)));
		entry = moves.addEntry(item.id(), new NewEntry(clock.today(), s.secretOrg() + "记录", List.of(evidence.id())));
	}

	@Override
	public Object value(String name, String pattern) {
		boolean tracking = pattern.startsWith("/api/v1/tracked-items/") || pattern.startsWith("/tracking/items/");
		boolean evidenceApi = pattern.startsWith("/api/v1/evidence/");
		if (!tracking && !evidenceApi) {
			return null;
		}
		return switch (name) {
			case "id" -> tracking ? item.id() : evidence.id();
			case "evidenceId" -> evidence.id();
			case "entryId" -> entry.id();
			default -> null;
		};
	}

	@Override
	public Map<String, Object> hostileFields() {
		// itemIds: the batch close (POST /api/v1/tracked-items/close) aimed at the sibling's item
		return Map.of("evidenceIds", List.of(evidence.id()), "itemIds", List.of(item.id()), "action", "CLOSE", "text", "改写",
				"date", clock.today().toString());
	}

	@Override
	public Map<String, String> hostileParams() {
		return Map.of("action", "CLOSE", "text", "改写", "date", clock.today().toString());
	}

	@Override
	public void assertUnchanged() {
		TrackedItem after = items.get(item.id());
		assertThat(after.status()).isEqualTo(TrackedItem.Status.IN_PROGRESS);
		assertThat(after.entryCount()).isEqualTo(1);
		assertThat(items.moves(item.id())).hasSize(2);
		assertThat(items.entries(item.id())).singleElement()
				.satisfies(e -> {
					assertThat(e.text()).endsWith("记录");
					assertThat(e.evidence()).extracting(Evidence::id).containsExactly(evidence.id());
				});
		assertThat(corrections.versionsOf(item.id())).isEmpty();
	}
}
