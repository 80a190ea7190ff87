package zeren.oversight.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.oversight.Obligation;
import zeren.oversight.Oversight;
import zeren.oversight.OversightRequests;
import zeren.oversight.Sweep;
import zeren.platform.BusinessClock;
import zeren.platform.InvalidInputException;

/** Obligations, the dashboard and the sweep over JSON: the dashboard page and the tests use the same. */
@RestController
@Tag(name = "Oversight", description = "督责: obligation instances, the dashboard's rolled-up counts, the sweep")
class OversightApi {

	private final Oversight oversight;
	private final Sweep sweep;
	private final BusinessClock clock;

	OversightApi(Oversight oversight, Sweep sweep, BusinessClock clock) {
		this.oversight = oversight;
		this.sweep = sweep;
		this.clock = clock;
	}

	private int year(Integer year) {
		return OversightRequests.year(year == null ? clock.today().getYear() : year);
	}

	@GetMapping("/api/v1/oversight/obligations")
	@Operation(summary = "The obligation instances of an organisation's subtree as of the last sweep, oldest due first "
			+ "(status, warning colour, responsible post and its holder on the due date, link to where it is done)")
	List<Obligation> obligations(@RequestParam long orgId,
			@Parameter(description = "responsibility year (default: this year)") @RequestParam(required = false) Integer year,
			@Parameter(description = "an obligation kind, e.g. duty.list") @RequestParam(required = false) String kind,
			@RequestParam(required = false) Obligation.Status status,
			@RequestParam(required = false, defaultValue = "1000") int limit) {
		if (kind != null && !oversight.kinds().contains(kind)) {
			throw InvalidInputException.of("kind", "error.oversight.unknown-kind", kind);
		}
		return oversight.obligations(orgId, year(year), kind, status, OversightRequests.limit(limit));
	}

	@GetMapping("/api/v1/oversight/dashboard")
	@Operation(summary = "The dashboard of an organisation, read from the snapshot: counts per direct child and kind "
			+ "(with the worst warning), its own and its subtree's, the trend by month due, the red list")
	Oversight.Dashboard dashboard(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return oversight.dashboard(orgId, year(year));
	}

	@GetMapping("/api/v1/oversight/colour-history")
	@Operation(summary = "When one obligation instance changed colour (blue, yellow, red), oldest first")
	List<Oversight.ColourChange> colourHistory(@RequestParam long orgId, @RequestParam int year, @RequestParam String kind,
			@RequestParam(defaultValue = "0") long subject) {
		return oversight.colourHistory(kind, orgId, OversightRequests.year(year), subject);
	}

	@PostMapping("/api/v1/oversight/sweep")
	@Operation(summary = "Sweep now: evaluate every obligation rule for a year over an organisation's subtree and write "
			+ "the snapshot (administrators; idempotent)")
	Sweep.Result sweep(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return sweep.sweepNow(orgId, year(year));
	}
}
