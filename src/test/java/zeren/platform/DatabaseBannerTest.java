package zeren.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DatabaseBannerTest {

	@Test
	void the_banner_names_the_file_of_the_embedded_database() {
		assertThat(DatabaseBanner.h2File("jdbc:h2:file:./data/zeren;MODE=PostgreSQL"))
				.isEqualTo(Path.of("data/zeren.mv.db").toAbsolutePath().normalize().toString());
		assertThat(DatabaseBanner.h2File("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).startsWith("(in memory");
	}
}
