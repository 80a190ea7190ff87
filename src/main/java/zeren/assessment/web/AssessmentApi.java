package zeren.assessment.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.assessment.Round;
import zeren.assessment.RoundEntries;
import zeren.assessment.RoundSheets;
import zeren.assessment.Rounds;
import zeren.assessment.Scheme;
import zeren.assessment.Schemes;
import zeren.platform.BusinessClock;

@RestController
@Tag(name = "Assessment", description = "评责: indicator schemes, assessment rounds, self-assessment, team scores, sources, results")
class AssessmentApi {

	private final Schemes schemes;
	private final Rounds rounds;
	private final RoundEntries entries;
	private final RoundSheets sheets;
	private final BusinessClock clock;
	private final zeren.assessment.PersonAssessments people;
	private final zeren.assessment.SchemeSheet sheet;

	AssessmentApi(Schemes schemes, Rounds rounds, RoundEntries entries, RoundSheets sheets, BusinessClock clock,
			zeren.assessment.PersonAssessments people, zeren.assessment.SchemeSheet sheet) {
		this.people = people;
		this.sheet = sheet;
		this.schemes = schemes;
		this.rounds = rounds;
		this.entries = entries;
		this.sheets = sheets;
		this.clock = clock;
	}

	@GetMapping("/api/v1/assessment/schemes")
	@Operation(summary = "The schemes of a year the caller sees: the default and those of organisations in view")
	List<Schemes.Summary> schemes(@RequestParam(required = false) Integer year) {
		return schemes.list(year == null ? clock.today().getYear() : year);
	}

	@PostMapping("/api/v1/assessment/schemes")
	@Operation(summary = "A new draft scheme of an organisation: the indicators given, or copied from basedOn (a new version "
			+ "when it is the organisation's own of the same year), or from the year's default")
	ResponseEntity<Scheme> createScheme(@RequestBody Schemes.NewScheme request) {
		Scheme s = schemes.create(request);
		return ResponseEntity.created(URI.create("/api/v1/assessment/schemes/" + s.id())).body(s);
	}

	@PostMapping("/api/v1/assessment/schemes/import")
	@Operation(summary = "A new draft scheme of an organisation from an Excel sheet (序号, 考核内容, 分值, 计分方式, 自动计分依据, "
			+ "每项扣分, 逾期扣分, 说明; the layout of the scheme's export) for a party (COMMITTEE by default, SECRETARY, TEAM_MEMBER, "
			+ "DISCIPLINE_BODY); all or nothing, errors by line and column")
	ResponseEntity<Scheme> importScheme(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String name, @RequestParam(required = false) String party,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		Scheme s = schemes.importSheet(orgId, year, name, party, file == null ? null : file.getBytes(), sheet);
		return ResponseEntity.created(URI.create("/api/v1/assessment/schemes/" + s.id())).body(s);
	}

	@GetMapping("/api/v1/assessment/schemes/default")
	@Operation(summary = "The default scheme of a year (stored and published on first use), with its source; party: COMMITTEE "
			+ "(the default), SECRETARY, TEAM_MEMBER or DISCIPLINE_BODY")
	Scheme defaultScheme(@RequestParam(required = false) Integer year, @RequestParam(required = false) String party) {
		return schemes.defaultFor(year == null ? clock.today().getYear() : year, Schemes.party(party));
	}

	@GetMapping("/api/v1/assessment/schemes/{id}")
	@Operation(summary = "A scheme with its indicators")
	Scheme scheme(@PathVariable long id) {
		return schemes.get(id);
	}

	@PostMapping("/api/v1/assessment/schemes/{id}/publish")
	@Operation(summary = "Publish a draft scheme: it is locked (a change is a new version)")
	Scheme publish(@PathVariable long id) {
		return schemes.publish(id);
	}

	@PostMapping("/api/v1/assessment/rounds")
	@Operation(summary = "A round of an assessing organisation over its direct lower committees (or unitOrgIds) for a year; "
			+ "without schemeId, the year's default scheme of party (COMMITTEE, SECRETARY, TEAM_MEMBER, DISCIPLINE_BODY); the units "
			+ "are the committees, their posts of that kind (the holder on the year end, a vacant post listed) or their discipline "
			+ "bodies; the automatic lines are computed at once")
	ResponseEntity<Round> createRound(@RequestBody Rounds.NewRound request) {
		Round r = rounds.create(request);
		return ResponseEntity.created(URI.create("/api/v1/assessment/rounds/" + r.id())).body(r);
	}

	@GetMapping("/api/v1/assessment/rounds/{id}")
	@Operation(summary = "A round with the units the caller sees (a unit sees its own), best first")
	Round round(@PathVariable long id) {
		return rounds.get(id);
	}

	@GetMapping("/api/v1/assessment/rounds/{id}/results")
	@Operation(summary = "One result per unit the caller sees: unitId (the organisation, or for a round of persons the post), orgId, the person, total, grade, rank and every line (indicator, points, "
			+ "reason, the record behind it)")
	List<RoundSheets.Result> results(@PathVariable long id) {
		return sheets.results(id);
	}

	@GetMapping("/api/v1/assessment/rounds/{id}/units/{unitId}")
	@Operation(summary = "A unit's score sheet (unitId: the organisation, or the post in a round of persons): each indicator in the self and the team column, and its lines")
	Round.Sheet sheet(@PathVariable long id, @PathVariable long unitId) {
		return sheets.sheet(id, unitId);
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/compute")
	@Operation(summary = "Recompute an open round: a sweep of the obligations, the automatic lines again, every score")
	Round compute(@PathVariable long id) {
		return rounds.compute(id);
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/units/{unitId}/self")
	@Operation(summary = "Self-assessment: a line of the unit (column SELF) with its reason")
	Round.Sheet self(@PathVariable long id, @PathVariable long unitId, @RequestBody RoundEntries.NewLine line) {
		return entries.addLine(id, unitId, new RoundEntries.NewLine(zeren.assessment.Scoring.Column.SELF, line.indicatorId(),
				line.points(), line.reason()), sheets);
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/units/{unitId}/self/submit")
	@Operation(summary = "The unit submits its self-assessment")
	Round.Sheet submitSelf(@PathVariable long id, @PathVariable long unitId) {
		entries.submitSelf(id, unitId);
		return sheets.sheet(id, unitId);
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/units/{unitId}/team")
	@Operation(summary = "The assessment team's line (column TEAM): a deduction, a bonus, a correction of an automatic line or "
			+ "a veto, with its reason; after conclusion, a correction that makes a new version")
	Round.Sheet team(@PathVariable long id, @PathVariable long unitId, @RequestBody RoundEntries.NewLine line) {
		return entries.addLine(id, unitId, new RoundEntries.NewLine(zeren.assessment.Scoring.Column.TEAM, line.indicatorId(),
				line.points(), line.reason()), sheets);
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/sources/{indicatorId}")
	@Operation(summary = "Import a satisfaction poll (XLSX: 单位名称, 参评人数, 满意, 基本满意, 不满意, 不了解) for a source indicator; "
			+ "all or nothing, errors by line and column; the file is kept as evidence")
	RoundEntries.Imported importPoll(@PathVariable long id, @PathVariable long indicatorId,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		// the round is checked before the file: a file sent to a round out of view answers 404
		return entries.importPoll(id, indicatorId, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes());
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/sources/{indicatorId}/scores")
	@Operation(summary = "Import a source's scores out of 100 given directly (a questionnaire survey, a media investigation, "
			+ "a third-party evaluation; XLSX: 单位名称, 得分, 说明) for a source indicator; all or nothing; the file kept as evidence")
	RoundEntries.Imported importScores(@PathVariable long id, @PathVariable long indicatorId,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return entries.importScores(id, indicatorId, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes());
	}

	@GetMapping("/api/v1/assessment/rounds/{id}/files/{evidenceId}")
	@Operation(summary = "A file of the round (an imported poll), under its original name")
	ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long evidenceId) {
		return entries.file(id, evidenceId).toResponse();
	}

	@GetMapping("/api/v1/assessment/people/{personId}")
	@Operation(summary = "A person's assessment history: the grade of each committee where they held a post in a concluded "
			+ "round's year (for the integrity file and cadre evaluation)")
	List<zeren.assessment.PersonAssessments.Entry> person(@PathVariable long personId) {
		return people.of(personId);
	}

	@PostMapping("/api/v1/assessment/rounds/{id}/conclude")
	@Operation(summary = "Conclude the round: every source scored, the results locked")
	Round conclude(@PathVariable long id) {
		return rounds.conclude(id);
	}
}
