package zeren.org;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.Rows;

/** Moves the organisations an import gives a new parent, through the tree's own move (paths of the subtree, depth checks). */
@Component
class ImportMoves {

	private final OrgTree tree;

	ImportMoves(OrgTree tree) {
		this.tree = tree;
	}

	private record Move(long lineNo, long existingId, String parentCode) {
	}

	/** Moves the organisations the query lists ({@code line_no, existing_id, parent_code}) under their new parents. */
	void apply(JdbcClient.StatementSpec query) {
		for (Move move : query.query(Rows.of(Move.class)).list()) {
			Org org = tree.lockedGet(move.existingId());
			Org parent = move.parentCode() == null ? null : tree.loadByCode(move.parentCode()).orElseThrow();
			try {
				tree.relocate(org, parent);
			}
			catch (ConflictException e) {
				throw new InvalidInputException(List.of(InputError.line(move.lineNo(), "parent_code",
						e.error().code(), e.error().args().toArray())));
			}
		}
	}
}
