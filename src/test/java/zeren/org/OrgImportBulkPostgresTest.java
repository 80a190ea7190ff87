package zeren.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.SpringBootTest;

import zeren.support.OnPostgres;

/** The import on PostgreSQL: {@code COPY}, hash joins, and a bulk load into an empty tree. */
@SpringBootTest
@OnPostgres
class OrgImportBulkPostgresTest extends OrgImportBulkContract {

	/** A bulk load drops and rebuilds the indexes and foreign keys of org; all of them are back. */
	@Override
	void assertSchemaIntact() {
		assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'org' ORDER BY indexname")
			.query(String.class).list()).containsExactly("org_code_uk", "org_discipline_body_idx", "org_name_idx", "org_parent_idx", "org_path_uk",
					"org_pkey");
		assertThat(jdbc.sql("""
				SELECT conname FROM pg_constraint WHERE conrelid = 'org'::regclass AND contype = 'f' AND convalidated
				ORDER BY conname
				""").query(String.class).list()).containsExactly("org_discipline_body_id_fkey", "org_parent_id_fkey");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_constraint WHERE confrelid = 'org'::regclass AND contype = 'f'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}
}
