package zeren.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database Zeren runs on, and the few expressions that differ between PostgreSQL
 * (production) and H2 (the embedded default). Everything else is portable SQL.
 */
@Component
public class Database {

	private final String product;
	private final String url;
	private final String user;

	public Database(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			var meta = connection.getMetaData();
			this.product = meta.getDatabaseProductName();
			this.url = meta.getURL();
			this.user = meta.getUserName();
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
		}
	}

	public boolean isPostgres() {
		return product.toLowerCase().contains("postgres");
	}

	public boolean isH2() {
		return product.toLowerCase().contains("h2");
	}

	public String product() {
		return product;
	}

	public String url() {
		return url;
	}

	public String user() {
		return user;
	}

	/** SQL expression taking the next value of a sequence. */
	public String nextValue(String sequence) {
		if (!sequence.matches("[a-z_]+")) {
			throw new IllegalArgumentException("bad sequence name");
		}
		return isPostgres() ? "nextval('" + sequence + "')" : "NEXT VALUE FOR " + sequence;
	}
}
