package zeren.access.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zeren.access.ApiToken;
import zeren.access.Grant;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.access.internal.PasswordChecksBusy;
import zeren.platform.CurrentUser;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.NotFoundException;

/**
 * Users, grants and tokens over JSON. Users and grants are for administrators; anyone may manage
 * their own tokens and password.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users, grants over organisation subtrees, personal access tokens")
class UserApi {

	private final Users users;
	private final CurrentScope scope;
	private final MessageSource messages;

	UserApi(Users users, CurrentScope scope, MessageSource messages) {
		this.users = users;
		this.scope = scope;
		this.messages = messages;
	}

	private void requireAdmin() {
		if (!scope.isAdmin()) {
			throw new ForbiddenException();
		}
	}

	/** Reads of another user's data by a non-administrator answer 404, as if it did not exist. */
	private void requireSelfOrAdminToRead(long id) {
		if (!scope.isAdmin() && CurrentUser.id().orElse(-1L) != id) {
			throw new NotFoundException("user", id);
		}
	}

	private void requireSelfOrAdminToWrite(long id) {
		if (!scope.isAdmin() && CurrentUser.id().orElse(-1L) != id) {
			throw new ForbiddenException();
		}
	}

	@PostMapping
	@Operation(summary = "Create a user (administrators)")
	ResponseEntity<UserAccount> create(@RequestBody Users.NewUser request) {
		requireAdmin();
		UserAccount user = users.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@GetMapping
	@Operation(summary = "All users (administrators); others see only themselves")
	List<UserAccount> list() {
		if (!scope.isAdmin()) {
			return CurrentUser.id().flatMap(users::find).map(List::of).orElse(List.of());
		}
		return users.list();
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user")
	UserAccount me() {
		return users.get(CurrentUser.id().orElseThrow(() -> new NotFoundException("user", "me")));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A user")
	UserAccount get(@PathVariable long id) {
		requireSelfOrAdminToRead(id);
		return users.get(id);
	}

	record PersonLink(Long personId) {
	}

	@PutMapping("/{id}/person")
	@Operation(summary = "Link a user to the person they are, or unlink with personId null (administrators); signing letters and my tasks use it")
	UserAccount linkPerson(@PathVariable long id, @RequestBody PersonLink request) {
		requireAdmin();
		return users.linkPerson(id, request.personId());
	}

	@GetMapping("/{id}/grants")
	@Operation(summary = "A user's grants")
	List<Grant> grants(@PathVariable long id) {
		requireSelfOrAdminToRead(id);
		users.get(id);
		return users.grants(id);
	}

	@PostMapping("/{id}/grants")
	@Operation(summary = "Grant a role over an organisation (and its descendants) (administrators)")
	ResponseEntity<Grant> grant(@PathVariable long id, @RequestBody Users.NewGrant request) {
		requireAdmin();
		Grant grant = users.addGrant(id, request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + id + "/grants")).body(grant);
	}

	@DeleteMapping("/{id}/grants/{grantId}")
	@Operation(summary = "Revoke a grant (administrators)")
	ResponseEntity<Void> revokeGrant(@PathVariable long id, @PathVariable long grantId) {
		requireAdmin();
		users.removeGrant(id, grantId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/tokens")
	@Operation(summary = "A user's tokens (without their secrets)")
	List<ApiToken> tokens(@PathVariable long id) {
		requireSelfOrAdminToRead(id);
		users.get(id);
		return users.tokens(id);
	}

	@PostMapping("/{id}/tokens")
	@Operation(summary = "Create a personal access token; the secret is in this answer only")
	ResponseEntity<ApiToken> createToken(@PathVariable long id, @RequestBody Users.NewToken request) {
		requireSelfOrAdminToWrite(id);
		ApiToken token = users.createToken(id, request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + id + "/tokens")).body(token);
	}

	@DeleteMapping("/{id}/tokens/{tokenId}")
	@Operation(summary = "Revoke a token")
	ResponseEntity<Void> revokeToken(@PathVariable long id, @PathVariable long tokenId) {
		requireSelfOrAdminToWrite(id);
		users.revokeToken(id, tokenId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/me/password")
	@Operation(summary = "Change one's own password (the old one is required, and guessing it is throttled like a login); "
			+ "ends every page session of the user and revokes every API token")
	ResponseEntity<Void> changePassword(@RequestBody Users.PasswordChange request) {
		users.changePassword(CurrentUser.id().orElseThrow(ForbiddenException::new), request, null);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/lockouts")
	@Operation(summary = "The locks in force on a user's password attempts, one per source address")
	List<Users.Lockout> lockouts(@PathVariable long id) {
		requireSelfOrAdminToRead(id);
		return users.lockouts(id);
	}

	record Unlocked(int addresses) {
	}

	@PostMapping("/{id}/unlock")
	@Operation(summary = "Forget a user's failed password attempts and locks from every address (administrators; audited)")
	Unlocked unlock(@PathVariable long id) {
		requireAdmin();
		return new Unlocked(users.unlock(id));
	}

	/** Too many passwords being checked at once: 429, quickly, with a hint that tokens need none. */
	@ExceptionHandler(PasswordChecksBusy.class)
	ResponseEntity<ProblemDetail> busy(PasswordChecksBusy e, Locale locale) {
		ProblemDetail body = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
		body.setType(URI.create("urn:zeren:problem:busy"));
		body.setTitle(messages.getMessage("problem.busy", null, locale));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(PasswordChecksBusy.RETRY_AFTER_SECONDS)).body(body);
	}
}
