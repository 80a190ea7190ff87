package zeren.org;

import org.springframework.boot.test.context.SpringBootTest;

/** The import on the embedded default database (H2): batches into the staging table. */
@SpringBootTest
class OrgImportBulkH2Test extends OrgImportBulkContract {
}
