package zeren.org.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgImport;
import zeren.org.OrgNode;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;

/** The organisation tree and its leadership teams over JSON. */
@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "Organisations", description = "The organisation tree, its import, posts and leaders at a date")
class OrgApi {

	private final OrgTree tree;
	private final OrgImport importer;
	private final Leadership leadership;
	private final BusinessClock clock;

	OrgApi(OrgTree tree, OrgImport importer, Leadership leadership, BusinessClock clock) {
		this.tree = tree;
		this.importer = importer;
		this.leadership = leadership;
		this.clock = clock;
	}

	record OrgRef(long id, String code, String name) {
		static OrgRef of(Org org) {
			return new OrgRef(org.id(), org.code(), org.name());
		}
	}

	record OrgDetail(long id, String code, String name, OrgType type, boolean active, int sortOrder, int depth,
			OrgRef parent, List<OrgRef> ancestors, OrgRef disciplineBody, long childCount, long subtreeSize) {
	}

	record OrgSummary(long id, String code, String name, OrgType type, boolean active, Long parentId, int depth,
			Long childCount) {
		static OrgSummary of(Org org, Long childCount) {
			return new OrgSummary(org.id(), org.code(), org.name(), org.type(), org.active(), org.parentId(),
					org.depth(), childCount);
		}
	}

	private OrgDetail detail(long id) {
		Org org = tree.get(id);
		List<Org> ancestors = tree.ancestors(id);
		OrgRef parent = ancestors.isEmpty() ? null : OrgRef.of(ancestors.get(ancestors.size() - 1));
		OrgRef body = org.disciplineBodyId() == null ? null : OrgRef.of(tree.get(org.disciplineBodyId()));
		return new OrgDetail(org.id(), org.code(), org.name(), org.type(), org.active(), org.sortOrder(), org.depth(),
				parent, ancestors.stream().map(OrgRef::of).toList(), body, tree.childCount(id), tree.subtreeSize(id));
	}

	@PostMapping
	@Operation(summary = "Create an organisation")
	ResponseEntity<OrgDetail> create(@RequestBody OrgTree.NewOrg request) {
		Org org = tree.create(request);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + org.id())).body(detail(org.id()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An organisation with its parent, ancestors (root first), child and subtree counts")
	OrgDetail get(@PathVariable long id) {
		return detail(id);
	}

	@GetMapping("/{id}/children")
	@Operation(summary = "The children of an organisation, each with its own child count")
	List<OrgSummary> children(@PathVariable long id) {
		return tree.children(id).stream().map(n -> OrgSummary.of(n.org(), n.childCount())).toList();
	}

	@GetMapping
	@Operation(summary = "Search by code (exact or prefix) or part of the name; without q, the roots")
	List<OrgSummary> search(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "50") int limit) {
		if (q == null || q.isBlank()) {
			return tree.roots().stream().map((OrgNode n) -> OrgSummary.of(n.org(), n.childCount())).toList();
		}
		return tree.search(q, null, limit).stream().map(o -> OrgSummary.of(o, null)).toList();
	}

	record MoveRequest(@NotNull Long parentId) {
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move an organisation and its subtree under another parent (cycles refused)")
	OrgDetail move(@PathVariable long id, @Valid @RequestBody MoveRequest request) {
		tree.move(id, request.parentId());
		return detail(id);
	}

	record RenameRequest(String name) {
	}

	@PostMapping("/{id}/rename")
	@Operation(summary = "Rename an organisation")
	OrgDetail rename(@PathVariable long id, @RequestBody RenameRequest request) {
		tree.rename(id, request.name());
		return detail(id);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an organisation (refused while it has active children; history is kept)")
	OrgDetail deactivate(@PathVariable long id) {
		tree.deactivate(id);
		return detail(id);
	}

	@PostMapping("/{id}/reactivate")
	@Operation(summary = "Reactivate an organisation")
	OrgDetail reactivate(@PathVariable long id) {
		tree.reactivate(id);
		return detail(id);
	}

	record DisciplineBodyRequest(@NotNull Long disciplineBodyId) {
	}

	@PostMapping("/{id}/discipline-body")
	@Operation(summary = "Link a Party committee to its discipline body (纪委/纪检组)")
	OrgDetail linkDisciplineBody(@PathVariable long id, @Valid @RequestBody DisciplineBodyRequest request) {
		tree.linkDisciplineBody(id, request.disciplineBodyId());
		return detail(id);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an organisation tree from CSV (UTF-8 or GBK) or XLSX: columns code,name,parent_code,type; all or nothing")
	OrgImport.Result importFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return OrgFiles.importUpload(importer, file);
	}

	@GetMapping("/{id}/posts")
	@Operation(summary = "The posts of an organisation's leadership team")
	List<Post> posts(@PathVariable long id) {
		return leadership.posts(id);
	}

	@PostMapping("/{id}/posts")
	@Operation(summary = "Add a post to an organisation's leadership team")
	ResponseEntity<Post> addPost(@PathVariable long id, @RequestBody Leadership.NewPost request) {
		Post post = leadership.addPost(id, request);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + id + "/posts")).body(post);
	}

	record LeaderView(long postId, String title, PostKind kind, List<String> areas, Long personId, String personName,
			Long tenureId, LocalDate startDate, LocalDate endDate) {
	}

	@GetMapping("/{id}/leaders")
	@Operation(summary = "Who held each post on a date (default: today in Asia/Shanghai)")
	List<LeaderView> leaders(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		LocalDate date = at == null ? clock.today() : at;
		return leadership.leadersAt(id, date).stream()
				.map(h -> new LeaderView(h.post().id(), h.post().title(), h.post().kind(), h.post().areas(),
						h.person() == null ? null : h.person().id(), h.person() == null ? null : h.person().name(),
						h.tenure() == null ? null : h.tenure().id(), h.tenure() == null ? null : h.tenure().startDate(),
						h.tenure() == null ? null : h.tenure().endDate()))
				.toList();
	}

	@GetMapping("/{id}/tenures")
	@Operation(summary = "The history of the leadership team: every tenure of every post")
	List<PeopleApi.TenureView> history(@PathVariable long id) {
		return leadership.history(id).stream().map(PeopleApi.TenureView::of).toList();
	}
}
