package zeren.duty.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.duty.DutyList;
import zeren.duty.DutyListManagement;
import zeren.duty.Requirements;
import zeren.duty.ResponsibilityLists;
import zeren.platform.BusinessClock;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.web.Uploads;

/** Responsibility lists (明责) over JSON and XLSX. */
@RestController
@Tag(name = "Responsibility lists", description = "责任清单: the task detail table per organisation and year, 1+X requirements, amendments")
class DutyApi {

	private final ResponsibilityLists lists;
	private final DutyListManagement management;
	private final Requirements requirements;
	private final BusinessClock clock;

	DutyApi(ResponsibilityLists lists, DutyListManagement management, Requirements requirements, BusinessClock clock) {
		this.lists = lists;
		this.management = management;
		this.requirements = requirements;
		this.clock = clock;
	}

	@PostMapping("/api/v1/duty/lists")
	@Operation(summary = "Create the draft responsibility list of an organisation for a year (or get the existing one)")
	ResponseEntity<DutyList> create(@RequestBody DutyListManagement.NewList request) {
		DutyList list = management.create(request);
		return ResponseEntity.created(URI.create("/api/v1/duty/lists/" + list.id())).body(list);
	}

	@GetMapping("/api/v1/duty/lists")
	@Operation(summary = "The responsibility list of an organisation for a year (404 if it has none)")
	DutyList find(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		int y = year == null ? clock.today().getYear() : year;
		return lists.find(orgId, y).orElseThrow(() -> new NotFoundException("duty-list", orgId + "/" + y));
	}

	@GetMapping("/api/v1/duty/lists/{id}")
	@Operation(summary = "A responsibility list with its items, inherited items first")
	DutyList get(@PathVariable long id) {
		return lists.get(id);
	}

	@PostMapping("/api/v1/duty/lists/{id}/publish")
	@Operation(summary = "Publish a draft list: it is locked, later changes are amendments with a reason")
	DutyList publish(@PathVariable long id) {
		return management.publish(id);
	}

	@PostMapping("/api/v1/duty/lists/{id}/items")
	@Operation(summary = "Add an own item (on a published list: an amendment, reason required)")
	ResponseEntity<DutyList.Item> addItem(@PathVariable long id, @RequestBody DutyListManagement.ItemInput input) {
		DutyList.Item item = management.addItem(id, input);
		return ResponseEntity.created(URI.create("/api/v1/duty/lists/" + id + "/items/" + item.id())).body(item);
	}

	@PutMapping("/api/v1/duty/lists/{id}/items/{itemId}")
	@Operation(summary = "Change an item (inherited items: only leader, units and milestones; published: reason required)")
	DutyList.Item editItem(@PathVariable long id, @PathVariable long itemId,
			@RequestBody DutyListManagement.ItemInput input) {
		return management.editItem(id, itemId, input);
	}

	@DeleteMapping("/api/v1/duty/lists/{id}/items/{itemId}")
	@Operation(summary = "Remove an own item (published: reason required)")
	ResponseEntity<Void> removeItem(@PathVariable long id, @PathVariable long itemId,
			@RequestParam(required = false) String reason) {
		management.removeItem(id, itemId, reason);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/duty/lists/{id}/versions")
	@Operation(summary = "The version history of a list: publication and amendments with their reasons")
	List<DutyList.Version> versions(@PathVariable long id) {
		return lists.versions(id);
	}

	@GetMapping("/api/v1/duty/lists/{id}/versions/{version}")
	@Operation(summary = "The items of a list as they stood at a version")
	List<DutyList.Item> itemsAt(@PathVariable long id, @PathVariable int version) {
		return lists.itemsAt(id, version);
	}

	@GetMapping("/api/v1/duty/lists/{id}/xlsx")
	@Operation(summary = "Export the list as the task detail table (工作任务明细表), XLSX")
	ResponseEntity<byte[]> export(@PathVariable long id) throws IOException {
		return TaskDetailTable.response(lists.get(id));
	}

	@PostMapping(path = "/api/v1/duty/lists/{id}/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import the organisation's own items from a task detail table (XLSX), all or nothing, errors by line")
	DutyList importXlsx(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String reason) throws IOException {
		// scope first: a file aimed at another organisation's list is refused before it is read
		lists.requireManaged(id);
		Uploads.required(file);
		return management.replaceOwnItems(id, TaskDetailTable.read(file.getInputStream()), reason);
	}

	@PostMapping("/api/v1/duty/requirements")
	@Operation(summary = "1+X: publish requirements to the organisations below (each gets them as inherited items); targeting: reach NEXT_LEVEL (default) or ALL_LEVELS, types (default the committees: PARTY_COMMITTEE, PARTY_GROUP, WORKING_COMMITTEE)")
	Requirements.Published publishRequirements(@RequestBody Requirements.Publication request) {
		return requirements.publish(request);
	}

	@PutMapping("/api/v1/duty/requirements/{requirementId}")
	@Operation(summary = "Revise a requirement (substance and targeting) while no list holding it is published (409 after)")
	Requirements.Issued reviseRequirement(@PathVariable long requirementId, @RequestBody Requirements.Revision revision) {
		return requirements.revise(requirementId, revision);
	}

	@GetMapping("/api/v1/duty/requirements")
	@Operation(summary = "The requirements an organisation has published for a year, with whom each reaches and how many lists hold it")
	List<Requirements.Issued> requirements(@RequestParam long orgId, @RequestParam(required = false) Integer year) {
		return requirements.of(orgId, year == null ? clock.today().getYear() : year);
	}

	@GetMapping("/api/v1/duty/tasks/mine")
	@Operation(summary = "The signed-in user's own tasks (一岗双责): through the person linked to the account, the items of every post they hold on the date, whatever their grants")
	List<ResponsibilityLists.Task> myTasks(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) LocalDate at) {
		LocalDate date = at == null ? clock.today() : at;
		return lists.myTasks(year == null ? date.getYear() : year, date);
	}

	@GetMapping("/api/v1/duty/tasks")
	@Operation(summary = "My tasks (一岗双责): the items whose responsible post the person holds, across all their posts")
	List<ResponsibilityLists.Task> tasks(@RequestParam(required = false) Long personId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate at) {
		if (personId == null) {
			throw InvalidInputException.of("personId", "error.field.required");
		}
		LocalDate date = at == null ? clock.today() : at;
		return lists.tasksOf(personId, year == null ? date.getYear() : year, date);
	}
}
