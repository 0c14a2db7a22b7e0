package org.wushe.volunteering.web;

import java.net.URI;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.TimeBank;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/timebank}: accounts, transfers with an {@code Idempotency-Key}, statements and the reconciliation.
 * Reads need {@code volunteering:view}, transfers {@code volunteering:manage}, the reconciliation
 * {@code timebank:reconcile}; accounts outside the caller's scope answer 404.
 */
@RestController
@PreAuthorize("hasAuthority('volunteering:view')")
@Tag(name = "Time bank", description = "Accounts, transfers, statements and reconciliation of the time bank")
@RequiredArgsConstructor
class TimeBankApi {

	record RelativeInput(Long volunteerId, Long relativeVolunteerId, Long relativePersonId, String relation) {
	}

	private final TimeBank bank;

	@GetMapping("/api/timebank/accounts")
	List<TimeBank.Account> accounts(@RequestParam(required = false) Long volunteerId,
			@RequestParam(required = false) Long personId, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String kind, RegionScope scope) {
		return bank.accounts(scope, volunteerId, personId, regionCode, kind);
	}

	@GetMapping("/api/timebank/accounts/{id}")
	TimeBank.Account account(@PathVariable long id, RegionScope scope) {
		return bank.account(scope, id);
	}

	@GetMapping("/api/timebank/accounts/{id}/postings")
	List<TimeBank.Posting> statement(@PathVariable long id, RegionScope scope) {
		return bank.statement(scope, id);
	}

	@PostMapping("/api/timebank/accounts")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<TimeBank.Account> open(@RequestBody TimeBank.OpenInput in, RegionScope scope) {
		TimeBank.Account a = bank.open(scope, in);
		return ResponseEntity.created(URI.create("/api/timebank/accounts/" + a.id())).body(a);
	}

	@PostMapping("/api/timebank/transfers")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<TimeBank.Transfer> transfer(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody TimeBank.TransferInput in, RegionScope scope, Authentication caller) {
		TimeBank.Outcome o = bank.transfer(scope, caller.getName(), key, in);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", Boolean.toString(o.replayed()))
			.location(URI.create("/api/timebank/transfers/" + o.transfer().id()))
			.body(o.transfer());
	}

	@PostMapping("/api/timebank/relatives")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<TimeBank.Relative> relative(@RequestBody RelativeInput in, RegionScope scope) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(bank.registerRelative(scope, in.volunteerId(), in.relativeVolunteerId(), in.relativePersonId(),
					in.relation()));
	}

	@GetMapping("/api/timebank/reconciliation")
	@PreAuthorize("hasAuthority('timebank:reconcile')")
	TimeBank.Reconciliation reconciliation(RegionScope scope) {
		return bank.reconcile(scope);
	}

}
