package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only: compare organisation paths byte by byte ({@code COLLATE "C"}). The paths are
 * digits, so every collation orders them the same and subtree ranges are correct either way;
 * a database created with a zh_CN or ICU locale would compare them much more slowly, and the
 * subtree range scan is the query every module's scope runs. H2 compares strings by code point
 * already.
 */
public class V2_1__Org_path_binary_collation extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
		if (!product.contains("postgres")) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("ALTER TABLE org ALTER COLUMN path TYPE VARCHAR(1000) COLLATE \"C\"");
		}
	}
}
