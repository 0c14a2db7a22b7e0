package org.wushe.volunteering.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.access.CurrentUser;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.care.Person;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.volunteering.AccountKind;
import org.wushe.volunteering.ElderRequests;
import org.wushe.volunteering.TimeBank;
import org.wushe.volunteering.TimeBankRules;
import org.wushe.volunteering.TransferKind;

/**
 * Moving hours out of a time-bank account from its page: a donation (a volunteer's or a team's hours to a pool, or a
 * volunteer's to a team), a gift (a volunteer's hours to a registered relative) or a grant (a pool's hours to a key
 * elder). The form offers the kinds and the accounts in scope the rules allow; the time bank checks everything again
 * (a gift to someone who is not a registered relative, going over the cap, below the floor) and the refusal is shown
 * in place naming the field. The form carries its own request key, so a form sent twice moves the hours once.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:manage')")
@RequiredArgsConstructor
class TransferController {

	/** The kinds a user may move by hand. */
	static final List<TransferKind> KINDS = List.of(TransferKind.DONATION, TransferKind.GIFT, TransferKind.GRANT);

	/** The transfer form as typed, with the key of this form. */
	record TransferForm(String kind, String toAccountId, String minutes, String memo, String key) {
	}

	/** A target account as the form offers it. */
	record Target(long id, AccountKind kind, String holder, String regionCode) {
	}

	private final TimeBank bank;

	private final VolunteerDirectory volunteers;

	private final ElderRequests requests;

	@GetMapping("/volunteering/timebank/{id}/transfer")
	ModelAndView form(@PathVariable long id, RegionScope scope) {
		return form(id, scope, new TransferForm(null, null, null, null, UUID.randomUUID().toString()), List.of());
	}

	@PostMapping("/volunteering/timebank/{id}/transfer")
	ModelAndView transfer(@PathVariable long id, TransferForm form, RegionScope scope,
			@AuthenticationPrincipal CurrentUser user) {
		bank.account(scope, id);
		return PageForms.submit(() -> {
			bank.transfer(scope, user.getUsername(), form.key(), new TimeBank.TransferInput(id,
					PageForms.number("toAccountId", form.toAccountId()), minutes(form.minutes()), form.kind(),
					form.memo()));
			return "/volunteering/timebank/" + id;
		}, errors -> form(id, scope, form, errors));
	}

	private ModelAndView form(long id, RegionScope scope, TransferForm form, List<FieldError> errors) {
		TimeBank.Account from = bank.account(scope, id);
		List<TransferKind> kinds = KINDS.stream()
			.filter(k -> Arrays.stream(AccountKind.values()).anyMatch(to -> TimeBankRules.allowed(k, from.kind(), to)))
			.toList();
		ModelAndView mav = PageForms.page("volunteering/transfer", errors);
		mav.addObject("account", from);
		mav.addObject("kinds", kinds);
		mav.addObject("targets", kinds.isEmpty() ? List.of() : targets(scope, from, kinds));
		mav.addObject("form", form);
		return mav;
	}

	/**
	 * The accounts in scope the {@code kinds} may move hours to from {@code from}, named by their holder: the pools,
	 * teams and key elders a donation or a grant may reach, and for a gift the accounts of the volunteer's registered
	 * relatives only.
	 */
	private List<Target> targets(RegionScope scope, TimeBank.Account from, List<TransferKind> kinds) {
		Map<Long, TimeBank.Account> found = new LinkedHashMap<>();
		for (AccountKind to : List.of(AccountKind.POOL, AccountKind.GROUP, AccountKind.ELDER)) {
			if (kinds.stream().anyMatch(k -> k != TransferKind.GIFT && TimeBankRules.allowed(k, from.kind(), to))) {
				bank.accounts(scope, null, null, null, to.name()).forEach(a -> found.putIfAbsent(a.id(), a));
			}
		}
		if (kinds.contains(TransferKind.GIFT) && from.volunteerId() != null) {
			bank.relativesAccounts(scope, from.volunteerId()).forEach(a -> found.putIfAbsent(a.id(), a));
		}
		Map<Long, String> elders = requests.keyElders(scope).stream()
			.collect(Collectors.toMap(Person::id, Person::name, (a, b) -> a));
		return found.values().stream()
			.filter(a -> a.id() != from.id())
			.map(a -> new Target(a.id(), a.kind(), holder(scope, a, elders), a.regionCode()))
			.toList();
	}

	private String holder(RegionScope scope, TimeBank.Account a, Map<Long, String> elders) {
		if (a.volunteerId() != null) {
			return volunteers.find(scope, a.volunteerId()).map(VolunteerDirectory.Entry::name).orElse("");
		}
		if (a.personId() != null) {
			return elders.getOrDefault(a.personId(), "");
		}
		return "";
	}

	private static BigDecimal minutes(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("minutes", "volunteering.timebank.minutes-whole");
		}
	}

}
