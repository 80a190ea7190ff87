package zeren.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.duty.LetterManagement;
import zeren.duty.ResponsibilityLetter;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.SystemWork;

/**
 * Seeds an empty database with the demo year, all or nothing (one transaction), through the
 * modules' services: the county, its users, then 明责, 履责, 督责 and 追责. Everything is done as the
 * system work {@code demo-seed} except what a service lets only a person do — signing a letter, and
 * closing (销号) an item someone else submitted —, which is done signed in as the demo user who
 * holds the post or works for the verifying organisation. The generated people are the same
 * for the same seed ({@link #SEED}); the dates follow today.
 */
@Component
public class DemoSeed {

	private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

	/** The seed of the generated people. */
	static final long SEED = 20261202L;

	/** The townships whose secretaries sign the county's letter in the demo (the letter is then signed). */
	static final List<String> SIGNED_BY_TOWNSHIP = List.of("130132101", DemoCounty.NANZUO, "130132104", "130132105");

	/** The townships whose letter the county secretary has not signed yet. */
	static final List<String> UNSIGNED_BY_COUNTY = List.of(DemoCounty.HUAIYANG, DemoDuty.LATE_TOWNSHIP, "130132208");

	/** What the seed made. */
	public record Result(int people, int tenures, List<DemoUsers.DemoUser> users, int letters, int signatures,
			int entries, int interviews, int reports, long millis) {
	}

	private final OrgTree tree;
	private final BusinessClock clock;
	private final TransactionTemplate transactions;
	private final DemoCounty county;
	private final DemoUsers users;
	private final DemoDuty duty;
	private final DemoPerformance performance;
	private final DemoSupervision supervision;
	private final LetterManagement letters;
	private final zeren.tracking.TrackedItemMoves moves;
	private final DemoAssessment assessment;
	private final DemoGovernance governance;

	DemoSeed(OrgTree tree, BusinessClock clock, TransactionTemplate transactions, DemoCounty county, DemoUsers users,
			DemoDuty duty, DemoPerformance performance, DemoSupervision supervision, LetterManagement letters,
			zeren.tracking.TrackedItemMoves moves, DemoAssessment assessment, DemoGovernance governance) {
		this.assessment = assessment;
		this.governance = governance;
		this.moves = moves;
		this.tree = tree;
		this.clock = clock;
		this.transactions = transactions;
		this.county = county;
		this.users = users;
		this.duty = duty;
		this.performance = performance;
		this.supervision = supervision;
		this.letters = letters;
	}

	/** Whether this database holds the demo already (its county and its users). */
	public boolean present() {
		return users.exists(DemoUsers.SECRETARY)
				&& SystemWork.call("demo-seed", () -> tree.findByCode(DemoCounty.COUNTY_CODE).isPresent());
	}

	/**
	 * Seeds the demo year with {@code password} for every demo user.
	 *
	 * @throws IllegalStateException when the database already holds organisations: nothing is written
	 */
	public Result seed(String password) {
		long count = tree.count();
		if (count > 0) {
			throw new IllegalStateException(("The demo year is seeded only into an empty database; this one already "
					+ "holds %d organisations. Start the demo on a new database (another ZEREN_DATA_DIR or ZEREN_DB_URL), "
					+ "or start without ZEREN_DEMO.").formatted(count));
		}
		long started = System.nanoTime();
		DemoCalendar calendar = DemoCalendar.of(clock.today());
		return transactions.execute(status -> {
			record Built(DemoCounty.County county, List<DemoUsers.DemoUser> users, DemoDuty.Made duty,
					DemoPerformance.Made performance, DemoSupervision.Made supervision) {
			}
			Built built = SystemWork.call("demo-seed", () -> {
				org.springframework.util.StopWatch watch = new org.springframework.util.StopWatch("demo-seed");
				watch.start("county");
				DemoCounty.County c = county.build(calendar, SEED);
				watch.stop();
				watch.start("users");
				List<DemoUsers.DemoUser> made = users.create(c, password);
				watch.stop();
				watch.start("duty");
				DemoDuty.Made d = duty.seed(c, calendar);
				watch.stop();
				watch.start("performance");
				DemoPerformance.Made p = performance.seed(c, d, calendar);
				watch.stop();
				watch.start("supervision");
				DemoSupervision.Made v = supervision.seed(c, calendar);
				watch.stop();
				watch.start("governance");
				governance.seed(c, calendar);
				watch.stop();
				log.info("demo seed phases: {}", watch.prettyPrint(java.util.concurrent.TimeUnit.MILLISECONDS));
				return new Built(c, made, d, p, v);
			});
			int signatures = sign(built.county(), built.duty().letters());
			// 销号 by the verifying organisation, never by who submitted: the county office closes the
			// ledger tasks, the county discipline commission the rectification it ordered
			for (long item : built.performance().toClose()) {
				users.as(DemoUsers.OFFICE, () -> moves.close(item, "资料齐全，同意销号"));
			}
			users.as(DemoUsers.DISCIPLINE, () -> moves.close(built.supervision().rectifications().get(1).item().id(),
					"经核验整改到位，同意销号"));
			// 评责 last: the round's automatic lines read every record seeded above
			assessment.seed(built.county(), calendar);
			long millis = (System.nanoTime() - started) / 1_000_000;
			log.info("demo year {} seeded in {} ms: {} people, {} letters ({} signatures), {} ledger entries", calendar.year(),
					millis, built.county().people(), built.duty().letters().size(), signatures,
					built.performance().entries());
			return new Result(built.county().people(), built.county().tenures(), built.users(),
					built.duty().letters().size(), signatures, built.performance().entries(),
					built.performance().interviews().size(), built.performance().reports().size(), millis);
		});
	}

	/**
	 * The signatures of the demo: the county secretary signs the letters to the townships but three
	 * and half the team letters, four township secretaries sign theirs. Signing is a person's act:
	 * each is made signed in as the user linked to the person holding the post today.
	 */
	private int sign(DemoCounty.County c, List<ResponsibilityLetter> issued) {
		int signatures = 0;
		int team = 0;
		java.util.Map<Long, String> codes = new java.util.HashMap<>();
		c.townships().forEach((code, t) -> codes.put(t.org().id(), code));
		for (ResponsibilityLetter letter : issued) {
			String code = letter.kind() == ResponsibilityLetter.Kind.ORG ? codes.get(letter.recipient().orgId()) : null;
			boolean countySigns = code != null ? !UNSIGNED_BY_COUNTY.contains(code) : team++ % 2 == 0;
			if (countySigns) {
				users.as(DemoUsers.SECRETARY, () -> letters.sign(letter.id(), ResponsibilityLetter.Side.ISSUER));
				signatures++;
			}
			if (code != null && SIGNED_BY_TOWNSHIP.contains(code)) {
				users.as(DemoCounty.TOWNSHIPS.get(code) + ".shuji",
						() -> letters.sign(letter.id(), ResponsibilityLetter.Side.RECIPIENT));
				signatures++;
			}
		}
		return signatures;
	}
}
