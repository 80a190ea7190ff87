/**
 * The demo year: with {@code zeren.demo=true} ({@code ZEREN_DEMO=true}) an empty database is
 * seeded with a real county (元氏县 of the national division data set, shipped under
 * {@code demo/china-division}), its posts, generated people and tenures, users for each role and a
 * year of work in every module, all through the modules' own services. A page banner says the data
 * is a demo. It refuses a database that already holds other organisations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo year",
		allowedDependencies = { "org", "access", "duty", "ledger", "interview", "report", "inspection",
				"accountability", "assessment", "governance", "tracking", "evidence", "platform" })
package zeren.demo;
