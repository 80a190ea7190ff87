package zeren.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import zeren.oversight.ObligationRule;

/**
 * What an AUTO indicator can read: an oversight obligation kind (its instances overdue or done
 * late) or a {@link RecordSource} kind (its records of the year) — one list for the scheme's
 * checks, its spreadsheet and its pages, each kind with the key of its label.
 */
@Component
class AutoKinds {

	private final Map<String, String> labels = new LinkedHashMap<>();
	private final Map<String, RecordSource> records = new LinkedHashMap<>();

	AutoKinds(List<ObligationRule> rules, List<RecordSource> sources) {
		rules.stream().sorted(java.util.Comparator.comparingInt(ObligationRule::order))
				.forEach(r -> labels.put(r.kind(), "oversight.kind." + r.kind()));
		for (RecordSource s : sources) {
			if (labels.containsKey(s.kind())) {
				throw new IllegalStateException("record kind " + s.kind() + " is an obligation kind too");
			}
			labels.put(s.kind(), "assessment.record." + s.kind());
			records.put(s.kind(), s);
		}
	}

	boolean known(String kind) {
		return kind != null && labels.containsKey(kind);
	}

	List<String> kinds() {
		return new ArrayList<>(labels.keySet());
	}

	/** The message key of a kind's label. */
	String labelKey(String kind) {
		return labels.getOrDefault(kind, "oversight.kind." + kind);
	}

	/** The record source of a kind, when it is one (else it is an obligation kind). */
	Optional<RecordSource> record(String kind) {
		return Optional.ofNullable(records.get(kind));
	}
}
