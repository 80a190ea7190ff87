/**
 * Tracked items: anything with an owner (a post), a deadline, a status, progress entries with
 * evidence, and a verifier (DESIGN.md). One state machine (open → in progress → submitted →
 * closed, "returned" back to in progress), one warning rule (blue, yellow, red, computed when
 * read), one year-close lock with reopening by an upper organisation — for ledger tasks,
 * rectifications, interview follow-ups and answers to queries alike.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracked items")
package zeren.tracking;
