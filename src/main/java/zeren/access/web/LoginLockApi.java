package zeren.access.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.access.Users;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;

/** Source addresses whose password attempts are locked as a whole, and their unlock (administrators). */
@RestController
@RequestMapping("/api/v1/login-locks")
@Tag(name = "Users")
class LoginLockApi {

	private final Users users;
	private final CurrentScope scope;

	LoginLockApi(Users users, CurrentScope scope) {
		this.users = users;
		this.scope = scope;
	}

	private void requireAdmin() {
		if (!scope.isAdmin()) {
			throw new ForbiddenException();
		}
	}

	@GetMapping
	@Operation(summary = "Source addresses locked for password attempts, temporarily or permanently (administrators)")
	List<Users.AddressLockout> list() {
		requireAdmin();
		return users.addressLockouts();
	}

	record Unlocked(int rows) {
	}

	@PostMapping("/unlock")
	@Operation(summary = "Forget a source address's failed password attempts and locks, for every user name (administrators; audited)")
	Unlocked unlock(@RequestBody Users.AddressUnlock request) {
		requireAdmin();
		return new Unlocked(users.unlockAddress(request));
	}
}
