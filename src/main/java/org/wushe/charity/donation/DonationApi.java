package org.wushe.charity.donation;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.charity.support.CharityRegions;
import org.wushe.charity.support.MoneyTotals;

/** {@code /api/donations} and {@code /api/donors} within the caller's scope. */
@RestController
@Tag(name = "donations", description = "Donors and donations (money or in kind) in the caller's region scope")
@RequiredArgsConstructor
class DonationApi {

	record DonorPhone(long id, String phone) {
	}

	private final DonationService donations;

	private final CharityRegions regions;

	@GetMapping("/api/donations")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "List donations in scope", description = """
			Filters: within (region code; outside the scope answers 404), q (donor name or pinyin initials, item, \
			fund), kind (MONEY | IN_KIND); offset/size (at most 500). Newest first.""")
	List<Donation> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal CurrentUser user) {
		return regions.page(user.scope(), within, q, kind, offset, size, donations::list);
	}

	@PostMapping("/api/donations")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('charity:manage')")
	@Operation(summary = "Record a donation", description = """
			Required: regionCode (in scope), kind (MONEY | IN_KIND), receivedOn (YYYY-MM-DD), and a donor: donorId \
			(in scope) or donorKind (PERSON | COMPANY | FOUNDATION) with donorName (donorPhone, donorCreditCode \
			optional). MONEY needs amount (yuan, 2 decimals); IN_KIND needs itemDescription, quantity, valuation \
			(yuan), valuationBasis and valuedBy. Optional receiver: siteId or fundId (not both); a fund matches the \
			donation by its ratio up to its cap (matchedAmount).""")
	Donation create(@RequestBody DonationInput input, @AuthenticationPrincipal CurrentUser user) {
		return donations.record(input, user.scope());
	}

	@GetMapping("/api/donations/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "One donation in scope (404 outside)")
	Donation one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return donations.get(user.scope(), id);
	}

	@GetMapping("/api/donations/totals")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "Totals per child region", description = """
			money (yuan), inKind (valuation, yuan), matched (yuan), donations (count), trusts (yuan) and trustCount, \
			per child region of within (default the caller's region), plus the total.""")
	MoneyTotals.Result totals(@RequestParam(required = false) String within,
			@AuthenticationPrincipal CurrentUser user) {
		return donations.totals(regions.narrow(user.scope(), within));
	}

	@GetMapping("/api/donors")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "List donors in scope (within, q, kind = PERSON | COMPANY | FOUNDATION); phones masked")
	List<Donor> donors(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal CurrentUser user) {
		return regions.page(user.scope(), within, q, kind, offset, size, donations::donors);
	}

	@PostMapping("/api/donors")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('charity:manage')")
	@Operation(summary = "Register a donor (kind, name, regionCode; creditCode, contactPerson, phone optional)")
	Donor createDonor(@RequestBody DonorInput input, @AuthenticationPrincipal CurrentUser user) {
		return donations.createDonor(input, user.scope());
	}

	@GetMapping("/api/donors/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	@Operation(summary = "One donor in scope (404 outside)")
	Donor donor(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return donations.donor(user.scope(), id);
	}

	@GetMapping("/api/donors/{id}/personal-data")
	@PreAuthorize("hasAuthority('charity:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "The donor's full phone (needs personal-data:view; audited)")
	DonorPhone donorPhone(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return new DonorPhone(id, donations.revealDonorPhone(user, id).orElse(null));
	}

}
