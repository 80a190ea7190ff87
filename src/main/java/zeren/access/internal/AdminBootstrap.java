package zeren.access.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.access.Role;
import zeren.access.Users;

/**
 * On the first start, creates the user {@code admin} with the password from
 * {@code ZEREN_ADMIN_PASSWORD}, or a random one printed once to the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Users users;
	private final TransactionTemplate transactions;
	private final String configuredPassword;

	AdminBootstrap(Users users, TransactionTemplate transactions,
			@Value("${zeren.admin-password:}") String configuredPassword) {
		this.users = users;
		this.transactions = transactions;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.findByUsername("admin").isPresent()) {
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? randomPassword() : configuredPassword;
		try {
			zeren.platform.SystemWork.run("admin-bootstrap", () -> transactions.executeWithoutResult(s -> {
				var admin = users.create(new Users.NewUser("admin", password, null, true));
				users.addGrant(admin.id(), new Users.NewGrant(Role.ADMIN, null, true));
			}));
		}
		catch (RuntimeException e) {
			// nodes started together on an empty database: another one created it first (this
			// transaction, its audit included, is rolled back)
			if (users.findByUsername("admin").isPresent()) {
				log.info("the user 'admin' was created by another node starting at the same time");
				return;
			}
			throw e;
		}
		if (generated) {
			String line = "=".repeat(78);
			log.warn("\n{}\n  Created the user 'admin' with the password: {}\n"
					+ "  It is shown only this once. Sign in and change it (账户 → 修改密码).\n{}", line, password, line);
		}
		else {
			log.info("Created the user 'admin' with the password from ZEREN_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
