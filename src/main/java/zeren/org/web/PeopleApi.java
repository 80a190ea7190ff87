package zeren.org.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.org.Leadership;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.PostKind;
import zeren.org.Tenure;

/** People and their tenures over JSON. */
@RestController
@Tag(name = "People and tenures", description = "People, appointments to posts and their careers")
class PeopleApi {

	private final People people;
	private final Leadership leadership;

	PeopleApi(People people, Leadership leadership) {
		this.people = people;
		this.leadership = leadership;
	}

	record TenureView(long id, long personId, String personName, long postId, String postTitle, PostKind postKind,
			long orgId, String orgCode, String orgName, LocalDate startDate, LocalDate endDate,
			Tenure.EndReason endReason) {
		static TenureView of(Leadership.TenureEntry e) {
			return new TenureView(e.tenure().id(), e.person().id(), e.person().name(), e.post().id(), e.post().title(),
					e.post().kind(), e.org().id(), e.org().code(), e.org().name(), e.tenure().startDate(),
					e.tenure().endDate(), e.tenure().endReason());
		}
	}

	@PostMapping("/api/v1/people")
	@Operation(summary = "Register a person (the ID number, when given, must pass its checksum)")
	ResponseEntity<Person> create(@RequestBody People.NewPerson request) {
		Person person = people.create(request);
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
	}

	@GetMapping("/api/v1/people/{id}")
	@Operation(summary = "A person")
	Person get(@PathVariable long id) {
		return people.get(id);
	}

	@GetMapping("/api/v1/people")
	@Operation(summary = "Search people by part of the name or by ID number")
	List<Person> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit) {
		return people.search(q, limit);
	}

	@GetMapping("/api/v1/people/{id}/tenures")
	@Operation(summary = "The whole career: every post this person has held, earliest first")
	List<TenureView> career(@PathVariable long id) {
		return leadership.career(id).stream().map(TenureView::of).toList();
	}

	@PostMapping("/api/v1/tenures")
	@Operation(summary = "Appoint a person to a post from a date (overlaps refused for 书记 and 纪委书记)")
	ResponseEntity<Tenure> appoint(@RequestBody Leadership.NewTenure request) {
		Tenure tenure = leadership.appoint(request);
		return ResponseEntity.created(URI.create("/api/v1/tenures/" + tenure.id())).body(tenure);
	}

	@GetMapping("/api/v1/tenures/{id}")
	@Operation(summary = "A tenure")
	Tenure getTenure(@PathVariable long id) {
		return leadership.getTenure(id);
	}

	record EndRequest(LocalDate endDate, Tenure.EndReason reason) {
	}

	@PostMapping("/api/v1/tenures/{id}/end")
	@Operation(summary = "End a tenure on its last day in office (transfer, promotion, retirement, ...)")
	Tenure end(@PathVariable long id, @RequestBody EndRequest request) {
		return leadership.end(id, request.endDate(), request.reason());
	}
}
