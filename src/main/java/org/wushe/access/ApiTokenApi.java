package org.wushe.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: API tokens for other systems. {@code POST} answers the token once; {@code username} (an
 * administrator only) creates it for another account, such as a service account. {@code expiresAt} is an ISO date or
 * date-time; {@code permissions} (a subset of the owner's, all when empty) and {@code allowedIps} (addresses or CIDR
 * ranges, any when empty) are optional.
 */
@RestController
@RequestMapping("/api/tokens")
@RequiredArgsConstructor
class ApiTokenApi {

	record NewToken(String name, String expiresAt, List<String> permissions, List<String> allowedIps,
			String username) {
	}

	record TokenView(long id, String name, String username, Set<String> permissions, List<String> allowedIps,
			Instant expiresAt, Instant createdAt, String createdBy, Instant revokedAt) {
	}

	private final ApiTokens tokens;

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiTokens.Created create(@RequestBody NewToken input, @AuthenticationPrincipal CurrentUser user) {
		return tokens.create(user, input.username(), input.name(), input.expiresAt(), input.permissions(),
				input.allowedIps());
	}

	@GetMapping
	List<TokenView> list(@AuthenticationPrincipal CurrentUser user) {
		return tokens.list(user)
			.stream()
			.map(t -> new TokenView(t.id(), t.name(), t.username(), t.permissions(), t.allowedIps(), t.expiresAt(),
					t.createdAt(), t.createdBy(), t.revokedAt()))
			.toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		tokens.revoke(user, id);
	}

}
