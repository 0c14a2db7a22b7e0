package org.wushe.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.shared.DateText;
import org.wushe.shared.InvalidInputException;

/**
 * {@code /account/tokens}: one's own API tokens (and those one created for others): create one and see it once,
 * revoke one.
 */
@Controller
@RequiredArgsConstructor
class ApiTokenController {

	private static final DateTimeFormatter EXPIRY = DateText.MINUTE.withZone(ZoneId.of("Asia/Shanghai"));

	/** A token as the page lists it: its expiry in local time and the message key of its status. */
	record Row(ApiTokens.Token token, String expires, String statusKey) {
	}

	private final ApiTokens tokens;

	private final Clock clock;

	@GetMapping("/account/tokens")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		return page(user, model);
	}

	@PostMapping("/account/tokens")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String expiresAt,
			@RequestParam(required = false) List<String> permissions,
			@RequestParam(defaultValue = "") String allowedIps, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		List<String> ips = Arrays.stream(allowedIps.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
		try {
			ApiTokens.Created created = tokens.create(user, null, name, expiresAt, permissions, ips);
			model.addAttribute("createdName", name.strip());
			model.addAttribute("createdToken", created.token());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
			model.addAttribute("name", name);
			model.addAttribute("expiresAt", expiresAt);
			model.addAttribute("allowedIps", allowedIps);
		}
		return page(user, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		tokens.revoke(user, id);
		return "redirect:/account/tokens";
	}

	private String page(CurrentUser user, Model model) {
		Instant now = Instant.now(clock);
		model.addAttribute("tokens", tokens.list(user)
			.stream()
			.map(t -> new Row(t, EXPIRY.format(t.expiresAt()), t.revokedAt() != null ? "access.tokens.revoked"
					: t.expiresAt().isAfter(now) ? "access.tokens.active" : "access.tokens.expired"))
			.toList());
		model.addAttribute("grantable", user.permissions());
		return "access/tokens";
	}

}
