package zeren.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgImport;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.People;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.PostKind;
import zeren.org.Tenure;

/**
 * The demo county: 河北省 → 石家庄市 → 元氏县 with its 15 townships and 216 villages, imported from
 * the extract of the national division data set shipped in {@code demo/china-division} (through
 * the organisation import, as the national loader does); the county's and each township's
 * discipline commission; the posts of each leadership team; generated people in them since
 * earlier years; and in the demo year one retirement (宋曹镇's secretary) and one transfer (南佐镇's
 * secretary moves to 宋曹镇, a successor takes 南佐镇).
 */
@Component
class DemoCounty {

	static final String COUNTY_CODE = "130132";

	static final String DISCIPLINE_SUFFIX = "-JW";

	/** The townships by code, with the pinyin their users' names are made of. */
	static final Map<String, String> TOWNSHIPS = new LinkedHashMap<>();

	static {
		String[] pinyin = { "130132100:huaiyang", "130132101:yincun", "130132102:nanzuo", "130132103:songcao",
				"130132104:nanyin", "130132105:jicun", "130132106:beichu", "130132107:macun", "130132201:dongzhang",
				"130132202:zhaotong", "130132204:sucun", "130132205:suyang", "130132206:beizheng",
				"130132207:qianxian", "130132208:heishuihe" };
		for (String p : pinyin) {
			TOWNSHIPS.put(p.substring(0, 9), p.substring(10));
		}
	}

	static final String HUAIYANG = "130132100";
	static final String NANZUO = "130132102";
	static final String SONGCAO = "130132103";

	/** A township: its committee, its discipline commission and its four posts. */
	record Township(Org org, Org discipline, Post secretary, Post deputy, Post disciplineSecretary, Post member) {
	}

	/** What the rest of the seed builds on. */
	record County(Org county, Org discipline, Post secretary, Post mayor, Post deputy, Post organisation,
			Post publicity, Post office, Post disciplineSecretary, Post disciplineDeputy,
			Map<String, Township> townships, Map<Long, Person> holders, Person transferred, Person retired,
			int people, int tenures) {

		Township township(String code) {
			return townships.get(code);
		}

		/** The person holding {@code post} today. */
		Person holder(Post post) {
			return holders.get(post.id());
		}
	}

	private final OrgImport importer;
	private final OrgTree tree;
	private final People people;
	private final Leadership leadership;

	DemoCounty(OrgImport importer, OrgTree tree, People people, Leadership leadership) {
		this.importer = importer;
		this.tree = tree;
		this.people = people;
		this.leadership = leadership;
	}

	County build(DemoCalendar calendar, long seed) {
		importer.runChinaDivisionResources("demo/china-division");
		Org county = tree.findByCode(COUNTY_CODE).orElseThrow();
		Org discipline = disciplineBody(county, "元氏县纪委");
		int year = calendar.year();
		Random random = new Random(seed);
		Iterator<DemoPeople.Generated> generated = DemoPeople.generate(seed, 80, year - 56, year - 30).iterator();
		Map<Long, Person> holders = new LinkedHashMap<>();
		Appointments appointments = new Appointments(generated, holders, random, year);

		Post secretary = appointments.fill(county, post(county, "县委书记", PostKind.SECRETARY, 1, "全面工作"), year - 3);
		Post mayor = appointments.fill(county, post(county, "县委副书记、县长", PostKind.DEPUTY_SECRETARY, 2, "政府全面工作"), year - 3);
		Post deputy = appointments.fill(county, post(county, "县委副书记", PostKind.DEPUTY_SECRETARY, 3, "党的建设\n乡村振兴"), year - 2);
		Post organisation = appointments.fill(county, post(county, "县委常委、组织部部长", PostKind.MEMBER, 4, "组织\n干部\n人才"), year - 2);
		Post publicity = appointments.fill(county, post(county, "县委常委、宣传部部长", PostKind.MEMBER, 5, "宣传\n意识形态"), year - 4);
		Post office = appointments.fill(county, post(county, "县委办公室主任", PostKind.LIAISON, 6, "文电会务\n督查"), year - 2);
		Post disciplineSecretary = appointments.fill(discipline,
				post(discipline, "县委常委、县纪委书记、县监委主任", PostKind.DISCIPLINE_SECRETARY, 1, "纪检监察"), year - 3);
		Post disciplineDeputy = appointments.fill(discipline, post(discipline, "县纪委副书记", PostKind.DEPUTY_SECRETARY, 2, "审查调查"), year - 2);

		Map<String, Township> townships = new LinkedHashMap<>();
		for (String code : TOWNSHIPS.keySet()) {
			Org org = tree.findByCode(code).orElseThrow();
			String town = org.name().endsWith("乡") ? "乡" : "镇";
			Org body = disciplineBody(org, org.name() + "纪委");
			townships.put(code, new Township(org, body,
					appointments.fill(org, post(org, "党委书记", PostKind.SECRETARY, 1, "全面工作"), 0),
					appointments.fill(org, post(org, "党委副书记、" + town + "长", PostKind.DEPUTY_SECRETARY, 2, "政府全面工作"), 0),
					appointments.fill(body, post(body, "纪委书记", PostKind.DISCIPLINE_SECRETARY, 1, "纪检监察"), 0),
					appointments.fill(org, post(org, "党委委员、组织委员", PostKind.MEMBER, 3, "组织\n党建"), 0)));
		}

		// the retirement and the transfer of the demo year
		Township songcao = townships.get(SONGCAO);
		Township nanzuo = townships.get(NANZUO);
		Person retired = holders.get(songcao.secretary().id());
		Person transferred = holders.get(nanzuo.secretary().id());
		LocalDate retiredOn = calendar.at(0.40);
		LocalDate movedOn = calendar.at(0.45);
		leadership.end(appointments.tenureOf(songcao.secretary()).id(), retiredOn, Tenure.EndReason.RETIREMENT);
		leadership.end(appointments.tenureOf(nanzuo.secretary()).id(), movedOn, Tenure.EndReason.TRANSFER);
		leadership.appoint(new Leadership.NewTenure(transferred.id(), songcao.secretary().id(), movedOn.plusDays(1), null));
		holders.put(songcao.secretary().id(), transferred);
		appointments.appoint(nanzuo.org(), nanzuo.secretary(), movedOn.plusDays(1));
		return new County(county, discipline, secretary, mayor, deputy, organisation, publicity, office,
				disciplineSecretary, disciplineDeputy, townships, holders, transferred, retired, appointments.count,
				appointments.tenures.size() + 2);
	}

	private Org disciplineBody(Org committee, String name) {
		Org body = tree.create(new OrgTree.NewOrg(committee.code() + DISCIPLINE_SUFFIX, name,
				OrgType.DISCIPLINE_COMMISSION, committee.id(), 0, null));
		tree.linkDisciplineBody(committee.id(), body.id());
		return body;
	}

	private Post post(Org org, String title, PostKind kind, int order, String areas) {
		return leadership.addPost(org.id(), new Leadership.NewPost(title, kind, List.of(areas.split("\n")), order));
	}

	/** Generated people appointed to posts, each since a day of an earlier year. */
	private final class Appointments {

		private final Iterator<DemoPeople.Generated> generated;
		private final Map<Long, Person> holders;
		private final Random random;
		private final int year;
		private final Map<Long, Tenure> tenures = new LinkedHashMap<>();
		int count;

		Appointments(Iterator<DemoPeople.Generated> generated, Map<Long, Person> holders, Random random, int year) {
			this.generated = generated;
			this.holders = holders;
			this.random = random;
			this.year = year;
		}

		/** Fills {@code post} since a day of {@code since} (0: a year one to four years back). */
		Post fill(Org home, Post post, int since) {
			int startYear = since > 0 ? since : year - 1 - random.nextInt(4);
			appoint(home, post, LocalDate.of(startYear, 1 + random.nextInt(12), 1 + random.nextInt(28)));
			return post;
		}

		void appoint(Org home, Post post, LocalDate start) {
			DemoPeople.Generated g = generated.next();
			Person person = DemoCounty.this.people.create(new People.NewPerson(g.name(), g.male() ? Person.Gender.MALE
					: Person.Gender.FEMALE, g.birthDate(), g.idNumber(), null, home.id()));
			count++;
			tenures.put(post.id(), leadership.appoint(new Leadership.NewTenure(person.id(), post.id(), start, null)));
			holders.put(post.id(), person);
		}

		Tenure tenureOf(Post post) {
			return tenures.get(post.id());
		}

	}

}
