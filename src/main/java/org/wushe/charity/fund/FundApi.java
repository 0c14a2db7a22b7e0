package org.wushe.charity.fund;

import java.util.List;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.charity.support.CharityRegions;

/** {@code /api/funds} and {@code /api/trusts} within the caller's scope. */
@RestController
@Tag(name = "funds", description = "Charity funds with matching, and charitable trusts, in the caller's region scope")
@RequiredArgsConstructor
class FundApi {

	private final FundService funds;

	private final CharityRegions regions;

	@GetMapping("/api/funds")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "List charity funds in scope (within, q)")
	List<Fund> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return regions.page(user.scope(), within, q, "", offset, size, funds::funds);
	}

	@PostMapping("/api/funds")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('charity:manage')")
	@Operation(summary = "Create a fund", description = """
			Required: name, regionCode. matchingRatio (0–10, e.g. 0.5 adds half of each donation) and matchingCap \
			(yuan, the most the fund's sponsor adds in all) default to 0 (no matching).""")
	Fund create(@RequestBody FundInput input, @AuthenticationPrincipal CurrentUser user) {
		return funds.createFund(input, user.scope());
	}

	@PutMapping("/api/funds/{id}")
	@PreAuthorize("hasAuthority('charity:manage')")
	@Operation(summary = "Change a fund in scope (404 outside); the cap may not fall below the amount already matched",
			description = """
					Required: version, the fund's version as it was read. If someone else has changed the fund since, \
					nothing is changed and the answer is 409; read it again and redo the change.""")
	Fund update(@PathVariable long id, @RequestBody FundInput input, @AuthenticationPrincipal CurrentUser user) {
		return funds.updateFund(id, input, user.scope());
	}

	@GetMapping("/api/funds/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "One fund in scope (404 outside)")
	Fund one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return funds.getFund(user.scope(), id);
	}

	@GetMapping("/api/trusts")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "List charitable trusts in scope (within, q = name or trustee)")
	List<CharitableTrust> trusts(@RequestParam(required = false) String within,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal CurrentUser user) {
		return regions.page(user.scope(), within, q, "", offset, size, funds::trusts);
	}

	@PostMapping("/api/trusts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('charity:manage')")
	@Operation(summary = "Record a charitable trust (name, trustee, amount in yuan, regionCode; establishedOn, filingNumber, purpose optional)")
	CharitableTrust createTrust(@RequestBody TrustInput input, @AuthenticationPrincipal CurrentUser user) {
		return funds.createTrust(input, user.scope());
	}

	@PutMapping("/api/trusts/{id}")
	@PreAuthorize("hasAuthority('charity:manage')")
	@Operation(summary = "Change a charitable trust in scope (404 outside)", description = """
			Required: version, the trust's version as it was read. If someone else has changed the trust since, nothing \
			is changed and the answer is 409; read it again and redo the change.""")
	CharitableTrust updateTrust(@PathVariable long id, @RequestBody TrustInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return funds.updateTrust(id, input, user.scope());
	}

	@GetMapping("/api/trusts/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "One charitable trust in scope (404 outside)")
	CharitableTrust trust(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return funds.getTrust(user.scope(), id);
	}

}
