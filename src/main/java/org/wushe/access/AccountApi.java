package org.wushe.access;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;

/**
 * {@code /api/accounts}: create and list accounts in scope, and change one's own password.
 */
@RestController
@RequestMapping("/api/accounts")
@RequiredArgsConstructor
class AccountApi {

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record Me(String username, String displayName, String regionCode, String regionName, Role role,
			List<String> permissions, boolean mustChangePassword) {
	}

	private final AccountService accounts;

	private final SessionPrincipals sessions;

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('account:manage')")
	CreatedAccount create(@RequestBody NewAccount input, @AuthenticationPrincipal CurrentUser user) {
		return accounts.create(input, user);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('account:view')")
	List<AccountView> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		RegionCode root = user.within(within, "within");
		return accounts.list(user.scope(), root, q, offset, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('account:view')")
	AccountView one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return accounts.find(user.scope(), id)
			.orElseThrow(() -> BusinessException.notFound("access.account.unknown", id));
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize("hasAuthority('account:manage')")
	AccountView unlock(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		accounts.unlock(user.scope(), id);
		return one(id, user);
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.getUsername(), user.displayName(), user.region().value(), user.regionName(), user.role(),
				user.permissions(), user.mustChangePassword());
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@RequestBody PasswordChange change, @AuthenticationPrincipal CurrentUser user) {
		accounts.changeOwnPassword(user.getUsername(), change.currentPassword(), change.newPassword());
		sessions.refresh(user.getUsername());
	}

}
