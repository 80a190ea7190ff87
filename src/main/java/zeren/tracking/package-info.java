/**
 * Tracked items: anything with an owner (a post), a deadline, a status, progress entries with
 * evidence, and a verifier (DESIGN.md). One state machine (open → in progress → submitted →
 * closed, "returned" back to in progress), one warning rule (blue, yellow, red, computed when
 * read), one year-close lock with reopening by an upper organisation — for ledger tasks,
 * rectifications, interview follow-ups and answers to queries alike.
 *
 * <p>{@code TrackedItems} reads, {@code Tracking} opens and revises items for the modules,
 * {@code TrackedItemMoves} makes the moves people make, and {@code StateMachine} (pure, with the
 * table on {@code TrackedItem.Status}) says which moves are allowed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracked items",
		allowedDependencies = { "org", "evidence", "audit", "platform", "oversight" })
package zeren.tracking;
