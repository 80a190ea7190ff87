package zeren.demo;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code zeren.demo=true} ({@code ZEREN_DEMO=true}, {@code --zeren.demo=true}): on the first
 * start seeds the demo year, after the administrator is created. The demo users' password is
 * {@code ZEREN_DEMO_PASSWORD}, or a generated one printed once to the log like the
 * administrator's. A database that holds the demo already is left as it is (the option may stay
 * set); one that holds other organisations is refused and the start fails, saying why.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "zeren.demo", havingValue = "true")
class DemoRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	private final DemoSeed seed;
	private final String configuredPassword;

	DemoRunner(DemoSeed seed, @Value("${zeren.demo-password:}") String configuredPassword) {
		this.seed = seed;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (seed.present()) {
			log.info("The demo year is already in this database; nothing seeded.");
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? randomPassword() : configuredPassword;
		DemoSeed.Result result;
		try {
			result = seed.seed(password);
		}
		catch (IllegalStateException e) {
			log.error("ZEREN_DEMO is set, but the demo is not seeded: {}", e.getMessage());
			throw e;
		}
		StringBuilder users = new StringBuilder();
		for (DemoUsers.DemoUser user : result.users()) {
			users.append("\n    %-18s %s".formatted(user.username(), user.role()));
		}
		String line = "=".repeat(78);
		String password_ = generated ? "the password: " + password + "\n  It is shown only this once."
				: "the password from ZEREN_DEMO_PASSWORD.";
		log.warn("\n{}\n  DEMO DATA (演示数据): the county 元氏县 with a year of work, {} people, {} letters.\n"
				+ "  Users, each with {}{}\n  (and 'admin' with the administrator's password)\n{}", line,
				result.people(), result.letters(), password_, users, line);
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			s.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return s.toString();
	}
}
