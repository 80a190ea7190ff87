package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit chain without a global lock on every write (docs/ARCHITECTURE.md, "audit"): an event
 * takes its id from a sequence and is inserted unsealed (no {@code seq}, {@code prev_hash},
 * {@code hash}) in the transaction of its change; the sealer gives committed events their
 * position in the chain ({@code seq}) and their hashes. Events already chained keep their hashes,
 * and their position is their id. Java, because the sequence starts after the highest id, a value
 * H2's {@code CREATE SEQUENCE} takes only as a literal.
 */
public class V11__Audit_sealed_chain extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("ALTER TABLE audit_event ADD COLUMN seq BIGINT");
			s.execute("UPDATE audit_event SET seq = id");
			s.execute("ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL");
			s.execute("ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL");
			s.execute("CREATE UNIQUE INDEX audit_event_seq_uk ON audit_event (seq)");
			s.execute("ALTER TABLE audit_head ADD COLUMN last_seq BIGINT");
			s.execute("UPDATE audit_head SET last_seq = last_id");
			s.execute("ALTER TABLE audit_head ALTER COLUMN last_seq SET NOT NULL");
			long next;
			try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_event")) {
				rs.next();
				next = rs.getLong(1);
			}
			s.execute("CREATE SEQUENCE audit_event_id_seq START WITH " + next);
		}
	}
}
