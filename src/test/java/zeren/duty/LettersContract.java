package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.duty.ResponsibilityLetter.Side;
import zeren.duty.ResponsibilityLetter.Status;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.platform.BusinessClock;
import zeren.platform.Sha256;
import zeren.support.ApiTest;

/**
 * Responsibility letters: generation from the list, editing before issue, signing by the right
 * person only, immutability, hash verification, the subtree overview and the PDF.
 */
abstract class LettersContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	ResponsibilityLists lists;

	@Autowired
	DutyListManagement listManagement;

	@Autowired
	Requirements requirements;

	@Autowired
	ResponsibilityLetters letters;

	@Autowired
	LetterManagement letterManagement;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	String p;
	int year;
	LocalDate today;
	Org city;
	Org county;
	Org town;
	Org noSecretary;
	Post citySecretary;
	Post cityMember;
	Post countySecretary;
	Post townSecretary;
	Person cityBoss;
	Person member;
	Person countyBoss;
	Person formerCountyBoss;
	Person stranger;

	Org org(String name, Long parent) {
		return tree.create(new OrgTree.NewOrg(p + name, p + name, OrgType.PARTY_COMMITTEE, parent, null, null));
	}

	Person person(String name, Org org) {
		return people.create(new People.NewPerson(p + name, null, null, null, null, org.id()));
	}

	@BeforeEach
	void aCityWithTwoLevels() {
		p = unique();
		today = clock.today();
		year = today.getYear();
		city = org("市委", null);
		county = org("县委", city.id());
		town = org("镇党委", county.id());
		noSecretary = org("无书记县", city.id());
		citySecretary = leadership.addPost(city.id(), new Leadership.NewPost("市委书记", PostKind.SECRETARY, List.of(), 1));
		cityMember = leadership.addPost(city.id(), new Leadership.NewPost("市委常委、组织部部长", PostKind.MEMBER, List.of("组织"), 2));
		leadership.addPost(city.id(), new Leadership.NewPost("联络员", PostKind.LIAISON, List.of(), 9));
		countySecretary = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		townSecretary = leadership.addPost(town.id(), new Leadership.NewPost("镇党委书记", PostKind.SECRETARY, List.of(), 1));
		cityBoss = person("市委甲", city);
		member = person("常委乙", city);
		countyBoss = person("县委丙", county);
		formerCountyBoss = person("前县委丁", county);
		stranger = person("旁人戊", county);
		leadership.appoint(new Leadership.NewTenure(cityBoss.id(), citySecretary.id(), LocalDate.of(2020, 1, 1), null));
		leadership.appoint(new Leadership.NewTenure(member.id(), cityMember.id(), LocalDate.of(2020, 1, 1), null));
		// the county changed secretary yesterday: the former one no longer signs for the county
		var former = leadership.appoint(new Leadership.NewTenure(formerCountyBoss.id(), countySecretary.id(),
				LocalDate.of(2018, 1, 1), null));
		leadership.end(former.id(), today.minusDays(1), zeren.org.Tenure.EndReason.TRANSFER);
		leadership.appoint(new Leadership.NewTenure(countyBoss.id(), countySecretary.id(), today, null));
	}

	/** A user linked to a person, with an ORG_ADMIN grant over {@code org} (or none when null). */
	RequestPostProcessor userFor(Person person, Org org) throws Exception {
		UserAccount user = users.create(new Users.NewUser(unique().toLowerCase() + "u", "password-long-1", null, true));
		if (person != null) {
			mvc.perform(put("/api/v1/users/" + user.id() + "/person").contentType(MediaType.APPLICATION_JSON)
					.content("{\"personId\":" + person.id() + "}"))
					.andExpect(status().isOk()).andExpect(jsonPath("$.personId").value(person.id()));
		}
		if (org != null) {
			users.addGrant(user.id(), new Users.NewGrant(Role.ORG_ADMIN, org.id(), true));
		}
		return as(user.id(), user.username());
	}

	ResponsibilityLetter letterTo(Post recipient) {
		return letters.issuedBy(city.id(), year).stream().filter(l -> l.recipient().postId() == recipient.id())
				.findFirst().orElseThrow();
	}

	void cityListAndRequirements() {
		DutyList list = listManagement.create(city.id(), year);
		listManagement.addItem(list.id(), new DutyListManagement.ItemInput(null, "组织", "选人用人专项检查", "全覆盖", cityMember.id(),
				null, null, null, null, List.of(), null));
		listManagement.addItem(list.id(), new DutyListManagement.ItemInput(null, "综合", "市委书记自抓事项", null, citySecretary.id(),
				null, null, null, null, List.of(), null));
		requirements.publish(new Requirements.Publication(city.id(), year, List.of(
				new Requirements.Requirement(null, "1", "主体责任", "逐级签订责任书", "层层压实", null),
				new Requirements.Requirement(null, "2", "主体责任", "年度述责述廉", null, null))));
	}

	@Test
	void generating_a_years_letters_makes_one_per_lower_organisation_and_per_team_member_with_their_items()
			throws Exception {
		cityListAndRequirements();
		mvc.perform(postJson("/api/v1/duty/letters/generate", "{\"orgId\":%d,\"year\":%d}".formatted(city.id(), year)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.created", hasSize(2)))
				.andExpect(jsonPath("$.skipped[0]").value(p + "无书记县"));
		List<ResponsibilityLetter> all = letters.issuedBy(city.id(), year);
		assertThat(all).extracting(l -> l.kind() + " " + l.recipient().postTitle())
				.containsExactly("ORG 县委书记", "TEAM 市委常委、组织部部长");
		ResponsibilityLetter toCounty = all.get(0);
		assertThat(toCounty.issuer().postId()).isEqualTo(citySecretary.id());
		assertThat(toCounty.recipient().orgId()).isEqualTo(county.id());
		assertThat(toCounty.status()).isEqualTo(Status.DRAFT);
		assertThat(toCounty.title()).contains(String.valueOf(year));
		// to a lower organisation: the requirements the city set for the levels below
		assertThat(toCounty.items()).extracting(ResponsibilityLetter.Item::task).containsExactly("逐级签订责任书", "年度述责述廉");
		// to a team member: the list's items whose responsible leader is that member's post
		assertThat(all.get(1).items()).extracting(ResponsibilityLetter.Item::task).containsExactly("选人用人专项检查");
		assertThat(all.get(1).recipient().orgId()).isEqualTo(city.id());

		// generating again keeps what exists and creates nothing
		mvc.perform(postJson("/api/v1/duty/letters/generate", "{\"orgId\":%d,\"year\":%d}".formatted(city.id(), year)))
				.andExpect(jsonPath("$.created", hasSize(0)));
		assertThat(letters.issuedBy(city.id(), year)).hasSize(2);
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(city.id())).param("entity", "letter"))
				.andExpect(jsonPath("$", hasSize(2))).andExpect(jsonPath("$[0].action").value("CREATE"));

		// an organisation without a 书记 post cannot issue
		mvc.perform(postJson("/api/v1/duty/letters/generate", "{\"orgId\":%d,\"year\":%d}".formatted(noSecretary.id(), year)))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("orgId"));
		mvc.perform(postJson("/api/v1/duty/letters/generate", "{\"orgId\":%d,\"year\":1900}".formatted(city.id())))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void a_draft_is_edited_freely_and_an_issued_letter_not_at_all() throws Exception {
		letterManagement.generate(city.id(), year);
		ResponsibilityLetter l = letterTo(countySecretary);
		assertThat(l.items()).isEmpty();
		String url = "/api/v1/duty/letters/" + l.id();
		mvc.perform(post(url + "/issue")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("items"));
		mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"县委责任书\",\"preamble\":\"双方约定如下。\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.title").value("县委责任书"));
		mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\" \"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"))
				.andExpect(jsonPath("$.errors[0].message").value("标题：不能为空"));
		mvc.perform(postJson(url + "/items", "{\"category\":\"教育\",\"task\":\"开展警示教育\",\"deadline\":\"%d-06-30\"}".formatted(year)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1)))
				.andExpect(jsonPath("$.items[0].itemNo").value("1"));
		mvc.perform(postJson(url + "/items", "{\"task\":\"临时事项\"}")).andExpect(status().isOk());
		mvc.perform(postJson(url + "/items", "{\"task\":\"\",\"deadline\":\"1999-01-01\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("task", "deadline")));
		List<ResponsibilityLetter.Item> items = letters.get(l.id()).items();
		mvc.perform(put(url + "/items/" + items.get(0).id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"category\":\"教育\",\"task\":\"开展警示教育（全员）\",\"goal\":\"每季度一次\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.items[0].task").value("开展警示教育（全员）"));
		mvc.perform(delete(url + "/items/" + items.get(1).id())).andExpect(status().isOk())
				.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(delete(url + "/items/999999999")).andExpect(status().isNotFound());

		String issued = mvc.perform(post(url + "/issue")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ISSUED")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		String content = mvc.perform(get(url + "/content")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(content).contains("recipient.post=" + countySecretary.id() + " 县委书记")
				.contains("item.1.task=开展警示教育（全员）").contains("year=" + year);
		assertThat(issued).contains("\"contentSha256\":\"" + Sha256.hex(content) + "\"");

		// issued: nothing changes any more, with a clear reason
		mvc.perform(postJson(url + "/items", "{\"task\":\"迟到的事项\"}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.issued"));
		mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"改\"}"))
				.andExpect(status().isConflict());
		mvc.perform(delete(url + "/items/" + items.get(0).id())).andExpect(status().isConflict());
		mvc.perform(post(url + "/issue")).andExpect(status().isConflict());
		// renaming the organisation afterwards does not change what was issued
		tree.rename(county.id(), p + "县委（更名）");
		assertThat(letters.get(l.id()).recipient().orgName()).isEqualTo(p + "县委");
		assertThat(letters.verify(l.id()).contentIntact()).isTrue();
	}

	@Test
	void only_the_person_holding_the_post_on_the_day_signs_and_a_signed_letter_is_immutable() throws Exception {
		letterManagement.generate(city.id(), year);
		ResponsibilityLetter l = letterTo(countySecretary);
		letterManagement.addItem(l.id(), new LetterManagement.ItemInput(null, "主体责任", "落实全面从严治党主体责任", "无重大问题", null));
		String url = "/api/v1/duty/letters/" + l.id();
		RequestPostProcessor asCountyBoss = userFor(countyBoss, county);
		RequestPostProcessor asFormer = userFor(formerCountyBoss, county);
		RequestPostProcessor asStranger = userFor(stranger, county);
		RequestPostProcessor asCityBoss = userFor(cityBoss, city);
		RequestPostProcessor unlinked = userFor(null, county);

		mvc.perform(postJson(url + "/sign", "{}").with(asCountyBoss)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.not-issued"));
		letterManagement.issue(l.id());

		mvc.perform(postJson(url + "/sign", "{}").with(asStranger)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.not-holder"));
		// held the post until yesterday: not today's holder
		mvc.perform(postJson(url + "/sign", "{\"party\":\"RECIPIENT\"}").with(asFormer)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.not-holder"))
				.andExpect(jsonPath("$.detail").value(containsString(today.toString())));
		mvc.perform(postJson(url + "/sign", "{}").with(unlinked)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.no-person"));
		// the county secretary cannot sign for the city
		mvc.perform(postJson(url + "/sign", "{\"party\":\"ISSUER\"}").with(asCountyBoss)).andExpect(status().isForbidden());
		// the administrator is no party either
		mvc.perform(postJson(url + "/sign", "{}")).andExpect(status().isForbidden());
		assertThat(letters.get(l.id()).signatures()).isEmpty();

		mvc.perform(postJson(url + "/sign", "{}").with(asCountyBoss)).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ISSUED"))
				.andExpect(jsonPath("$.signatures[0].party").value("RECIPIENT"))
				.andExpect(jsonPath("$.signatures[0].personName").value(p + "县委丙"))
				.andExpect(jsonPath("$.signatures[0].postId").value(countySecretary.id()))
				.andExpect(jsonPath("$.signatures[0].signedOn").value(today.toString()));
		mvc.perform(postJson(url + "/sign", "{}").with(asCountyBoss)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.already-signed"));
		mvc.perform(post(url + "/sign").with(asCityBoss)).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SIGNED")).andExpect(jsonPath("$.signatures", hasSize(2)))
				.andExpect(jsonPath("$.signatures[0].party").value("ISSUER"));

		ResponsibilityLetter signed = letters.get(l.id());
		assertThat(signed.signatures()).allSatisfy(s -> assertThat(s.contentSha256()).isEqualTo(signed.contentSha256()));
		assertThat(signed.contentSha256()).isEqualTo(Sha256.hex(letters.content(l.id())));

		// immutable: every change is refused with 409 and why
		mvc.perform(postJson(url + "/items", "{\"task\":\"x\"}")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.signed"))
				.andExpect(jsonPath("$.detail").value(containsString("责任书已由双方签署，不可更改")));
		mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}")).andExpect(status().isConflict());
		mvc.perform(delete(url + "/items/" + signed.items().get(0).id())).andExpect(status().isConflict());
		mvc.perform(post(url + "/issue")).andExpect(status().isConflict());
		mvc.perform(postJson(url + "/sign", "{}").with(asCityBoss)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].code").value("error.letters.signed"));
		mvc.perform(get("/api/v1/audit").param("orgId", String.valueOf(city.id())).param("entity", "letter"))
				.andExpect(jsonPath("$[0].action").value("SIGN")).andExpect(jsonPath("$[0].summary").value(containsString("status=SIGNED")))
				.andExpect(jsonPath("$[1].action").value("SIGN")).andExpect(jsonPath("$[2].action").value("ISSUE"));
	}

	@Test
	void verification_recomputes_the_hash_and_finds_a_letter_changed_in_the_database() throws Exception {
		letterManagement.generate(city.id(), year);
		ResponsibilityLetter l = letterTo(countySecretary);
		letterManagement.addItem(l.id(), new LetterManagement.ItemInput("1", null, "原始事项", null, null));
		letterManagement.issue(l.id());
		RequestPostProcessor asCountyBoss = userFor(countyBoss, county);
		mvc.perform(postJson("/api/v1/duty/letters/" + l.id() + "/sign", "{}").with(asCountyBoss)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/duty/letters/" + l.id() + "/verification")).andExpect(status().isOk())
				.andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.contentIntact").value(true))
				.andExpect(jsonPath("$.signatures[0].valid").value(true));

		// someone edits the item behind the application's back
		jdbc.sql("UPDATE duty_letter_item SET task = '篡改后的事项' WHERE letter_id = :id").param("id", l.id()).update();
		mvc.perform(get("/api/v1/duty/letters/" + l.id() + "/verification"))
				.andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.contentIntact").value(false))
				.andExpect(jsonPath("$.signatures[0].valid").value(false));
		// and the other party cannot sign a content that is not the one issued
		RequestPostProcessor asCityBoss = userFor(cityBoss, city);
		mvc.perform(postJson("/api/v1/duty/letters/" + l.id() + "/sign", "{}").with(asCityBoss))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].code").value("error.letters.content-changed"));
	}

	@Test
	void a_team_member_without_grants_sees_and_signs_their_own_letter_only() throws Exception {
		cityListAndRequirements();
		letterManagement.generate(city.id(), year);
		ResponsibilityLetter mine = letterTo(cityMember);
		ResponsibilityLetter other = letterTo(countySecretary);
		letterManagement.issue(mine.id());
		letterManagement.issue(other.id());
		RequestPostProcessor asMember = userFor(member, null);
		mvc.perform(get("/api/v1/duty/letters/" + mine.id()).with(asMember)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/duty/letters/" + other.id()).with(asMember)).andExpect(status().isNotFound());
		mvc.perform(postJson("/api/v1/duty/letters/" + other.id() + "/sign", "{}").with(asMember))
				.andExpect(status().isNotFound());
		mvc.perform(postJson("/api/v1/duty/letters/" + mine.id() + "/sign", "{}").with(asMember)).andExpect(status().isOk())
				.andExpect(jsonPath("$.signatures[0].party").value("RECIPIENT"));
		// a party may sign, not change the letter or issue for its organisation
		mvc.perform(postJson("/api/v1/duty/letters/" + mine.id() + "/items", "{\"task\":\"x\"}").with(asMember))
				.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/duty/letters/generate", "{\"orgId\":%d,\"year\":%d}".formatted(city.id(), year))
				.with(asMember)).andExpect(status().isNotFound());
		assertThat(letters.awaitingSignatureOf(cityBoss.id(), year)).extracting(ResponsibilityLetter::id)
				.contains(mine.id(), other.id());
		assertThat(letters.awaitingSignatureOf(member.id(), year)).isEmpty();
		// and sees their own tasks, though the list's organisation lies outside any grant of theirs
		mvc.perform(get("/api/v1/duty/tasks/mine").param("year", String.valueOf(year)).with(asMember))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].item.task").value("选人用人专项检查"))
				.andExpect(jsonPath("$[0].item.leaders[0]").value(p + "常委乙"));
		mvc.perform(get("/api/v1/duty/tasks").param("personId", String.valueOf(member.id())).with(asMember))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/tasks/mine").param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void the_issuing_organisation_sees_who_has_and_has_not_signed_in_its_whole_subtree() throws Exception {
		letterManagement.generate(city.id(), year);
		letterManagement.generate(county.id(), year);
		ResponsibilityLetter toCounty = letterTo(countySecretary);
		ResponsibilityLetter toTown = letters.issuedBy(county.id(), year).get(0);
		ResponsibilityLetter toMember = letterTo(cityMember);
		for (ResponsibilityLetter l : List.of(toCounty, toTown, toMember)) {
			letterManagement.addItem(l.id(), new LetterManagement.ItemInput(null, null, "事项", null, null));
		}
		letterManagement.issue(toCounty.id());
		letterManagement.issue(toTown.id());
		RequestPostProcessor asCountyBoss = userFor(countyBoss, county);
		RequestPostProcessor asCityBoss = userFor(cityBoss, city);
		mvc.perform(postJson("/api/v1/duty/letters/" + toCounty.id() + "/sign", "{}").with(asCountyBoss));
		mvc.perform(postJson("/api/v1/duty/letters/" + toCounty.id() + "/sign", "{}").with(asCityBoss));
		// the county secretary signs the county's letter to the town as its issuer
		mvc.perform(postJson("/api/v1/duty/letters/" + toTown.id() + "/sign", "{}").with(asCountyBoss))
				.andExpect(jsonPath("$.signatures[0].party").value("ISSUER"));

		mvc.perform(get("/api/v1/duty/letters/overview").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.letters").value(3))
				.andExpect(jsonPath("$.draft").value(1)).andExpect(jsonPath("$.issued").value(1))
				.andExpect(jsonPath("$.signed").value(1)).andExpect(jsonPath("$.unsignedCount").value(2))
				.andExpect(jsonPath("$.unsigned[*].letterId").value(org.hamcrest.Matchers.containsInAnyOrder(
						(int) toTown.id(), (int) toMember.id())))
				.andExpect(jsonPath("$.unsigned[?(@.letterId == %d)].issuerSigned".formatted(toTown.id())).value(true))
				.andExpect(jsonPath("$.unsigned[?(@.letterId == %d)].recipientSigned".formatted(toTown.id())).value(false))
				.andExpect(jsonPath("$.unsigned[?(@.letterId == %d)].recipientOrgName".formatted(toTown.id())).value(p + "镇党委"));
		// scoped: the county's user sees its own subtree only, and not the city's overview
		mvc.perform(get("/api/v1/duty/letters/overview").param("orgId", String.valueOf(county.id()))
				.param("year", String.valueOf(year)).with(asCountyBoss))
				.andExpect(jsonPath("$.letters").value(1)).andExpect(jsonPath("$.unsigned[0].letterId").value(toTown.id()));
		mvc.perform(get("/api/v1/duty/letters/overview").param("orgId", String.valueOf(city.id()))
				.param("year", String.valueOf(year)).with(asCountyBoss)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/letters").param("orgId", String.valueOf(city.id())).with(asCountyBoss))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/duty/letters/overview/unsigned").param("orgId", String.valueOf(city.id()))
				.param("year", String.valueOf(year)).with(asCountyBoss)).andExpect(status().isNotFound());
		// bounded: the counts over all the letters, one page of the unsigned ones, truncated when more are unsigned
		ResponsibilityLetters.Overview full = letters.overview(city.id(), year);
		assertThat(full.truncated()).isFalse();
		ResponsibilityLetters.Overview firstOnly = letters.overview(city.id(), year, 1, 1);
		assertThat(firstOnly.unsigned()).containsExactly(full.unsigned().get(0));
		assertThat(firstOnly.truncated()).isTrue();
		assertThat(List.of(firstOnly.letters(), firstOnly.draft(), firstOnly.issued(), firstOnly.signed(), firstOnly.unsignedCount()))
				.containsExactly(3L, 1L, 1L, 1L, 2L);
		// every unsigned letter, page by page: page 2 of 2, the total and the links
		String base = "/api/v1/duty/letters/overview/unsigned?orgId=" + city.id() + "&year=" + year;
		var second = mvc.perform(get(base + "&page=2&size=1")).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].letterId").value(full.unsigned().get(1).letterId()))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "2"))
				.andReturn();
		assertThat(second.getResponse().getHeader("Link")).contains("<" + base + "&page=1&size=1>; rel=\"prev\"")
				.doesNotContain("rel=\"next\"");
		assertThat(mvc.perform(get(base + "&page=1&size=1")).andExpect(jsonPath("$[0].letterId").value(full.unsigned().get(0).letterId()))
				.andReturn().getResponse().getHeader("Link")).contains("<" + base + "&page=2&size=1>; rel=\"next\"");
		// the page: the unsigned letters on one page of 100 (no pager of their own); the letters list's
		// pager keeps the unsigned list's page, which pages by unsignedPage
		mvc.perform(get("/duty/letters").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.not(containsString("unsignedPage="))));
		mvc.perform(get("/duty/letters").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year))
				.param("unsignedPage", "2")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("unsignedPage=2")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.not(containsString("letters-unsigned"))));


		// the page's tables as XLSX: the letters the city issued, and the unsigned ones of its subtree
		var xlsx = mvc.perform(get("/duty/letters/export.xlsx").param("orgId", String.valueOf(city.id()))
				.param("year", String.valueOf(year))).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(xlsx.getContentType()).isEqualTo(zeren.platform.xlsx.TableExport.CONTENT_TYPE);
		assertThat(xlsx.getHeader("Content-Disposition")).contains("filename*=UTF-8''").contains(".xlsx");
		List<zeren.support.Xlsx.Table> sheets = zeren.support.Xlsx.sheets(xlsx.getContentAsByteArray());
		assertThat(sheets).hasSize(2);
		assertThat(sheets.get(0).header()).containsExactly("类型", "受文方", "责任事项", "状态", "发文方签署", "受文方签署");
		assertThat(sheets.get(0).body()).hasSize(letters.issuedBy(city.id(), year).size());
		assertThat(sheets.get(0).body()).anySatisfy(row -> assertThat(row).contains("已签署", "已签"));
		assertThat(sheets.get(1).body()).hasSize(2);
		assertThat(sheets.get(1).body()).anySatisfy(row -> assertThat(row.get(1)).startsWith(p + "镇党委"));
		// scoped as the page: the county's user cannot export the city's letters
		mvc.perform(get("/duty/letters/export.xlsx").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year))
				.with(asCountyBoss)).andExpect(status().isNotFound());
	}

	@Test
	void the_pdf_carries_the_chinese_text_the_content_hash_and_the_signatures() throws Exception {
		letterManagement.generate(city.id(), year);
		ResponsibilityLetter l = letterTo(countySecretary);
		letterManagement.addItem(l.id(), new LetterManagement.ItemInput(null, "主体责任", "落实全面从严治党主体责任，定期研究部署党风廉政建设工作",
				"全年无重大违纪违法问题", LocalDate.of(year, 12, 31)));
		ResponsibilityLetter issued = letterManagement.issue(l.id());
		mvc.perform(postJson("/api/v1/duty/letters/" + l.id() + "/sign", "{}").with(userFor(countyBoss, county)));
		byte[] pdf = null;
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			pdf = mvc.perform(get("/api/v1/duty/letters/" + l.id() + "/pdf")).andExpect(status().isOk())
					.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
							.contentType(MediaType.APPLICATION_PDF))
					.andReturn().getResponse().getContentAsByteArray();
			long millis = (System.nanoTime() - started) / 1_000_000;
			best = Math.min(best, millis);
			org.slf4j.LoggerFactory.getLogger(LettersContract.class).info("letter PDF in {} ms, {} bytes", millis, pdf.length);
		}
		// well under a second once the font is loaded (generous for a loaded build machine)
		assertThat(best).isLessThan(1000);
		String text;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(doc);
		}
		assertThat(text).contains(issued.title()).contains("落实全面从严治党主体责任").contains("全年无重大违纪违法问题")
				.contains(p + "县委").contains("县委书记").contains(issued.contentSha256()).contains(p + "县委丙")
				.contains("发文方").contains("受文方").contains("未签署").contains("第 1 页");
		// the same letter as Word, in the 公文 layout, with a Chinese file name
		var docx = mvc.perform(get("/api/v1/duty/letters/" + l.id() + "/docx")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType(
						zeren.platform.document.DocumentFormat.DOCX.mediaType()))
				.andReturn().getResponse();
		assertThat(docx.getHeader("Content-Disposition")).contains("filename*=UTF-8''").contains(".docx");
		zeren.support.Docx.assertGbt9704(docx.getContentAsByteArray(), issued.title());
		assertThat(zeren.support.Docx.text(docx.getContentAsByteArray())).contains("落实全面从严治党主体责任")
				.contains("全年无重大违纪违法问题").contains(p + "县委").contains(issued.contentSha256()).contains("发文方")
				.contains("受文方").contains("未签署");
		mvc.perform(get("/duty/letters/" + l.id() + "/docx")).andExpect(status().isOk());
	}

	@Test
	void the_letter_pages_render_in_chinese_and_in_english() throws Exception {
		cityListAndRequirements();
		letterManagement.generate(city.id(), year);
		ResponsibilityLetter l = letterTo(countySecretary);
		letterManagement.issue(l.id());
		mvc.perform(get("/duty/letters").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year)))
				.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.content().string(containsString("共 2 份：草稿 1，已下达 1，已签署 0；未签署 2 份")));
		mvc.perform(get("/duty/letters/" + l.id()).param("lang", "en")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("Recipient")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString(letters.get(l.id()).contentSha256())));
		mvc.perform(get("/duty/tasks").param("lang", "en")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("Your account is not linked to a person")));
		mvc.perform(get("/duty").param("orgId", String.valueOf(city.id())).param("year", String.valueOf(year))
				.param("version", "1")).andExpect(status().isNotFound());
	}
}
