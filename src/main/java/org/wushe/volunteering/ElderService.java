package org.wushe.volunteering;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.Texts;

/**
 * The service given on a matched elder's request, in the caller's transaction: the serving volunteer's session is
 * recorded under the request's time-bank project like any attendance sheet entry (no overlap, within the project's
 * dates, not in the future) and confirmed on the volunteer's behalf, so its minutes are deposited in the volunteer's
 * account; the same minutes are then redeemed from the elder's account through the time bank, the nearest pool on
 * the elder's region path granting first what the account lacks.
 */
@Component
@RequiredArgsConstructor
class ElderService {

	/** Who the time bank records as asking for the transfers of a request's service. */
	static final String CALLER = "elder-request";

	/** The hours record made and the redemption that paid it. */
	record Given(long hoursId, long transferId) {
	}

	private final HoursService hours;

	private final TimeBank bank;

	private final Texts texts;

	private final Clerk clerk;

	Given give(RegionScope scope, ElderRequests.Request r, ElderRequests.ServiceInput in) {
		if (r.projectId() == null || r.volunteerId() == null) {
			throw InvalidInputException.of("projectId", "actor.input.required");
		}
		String end = blank(in.end()) ? LocalDateTime.now(clerk.clock()).truncatedTo(ChronoUnit.MINUTES).toString()
				: in.end();
		String start = in.start();
		if (blank(start) && blank(in.end())) {
			start = LocalDateTime.parse(end).minusMinutes(r.minutes()).toString();
		}
		String content = texts.get("volunteering.request.hours-content", r.id(), r.skill(), r.content());
		HoursService.Outcome o = hours.record(scope, r.projectId(),
				List.of(new HoursService.Entry(r.volunteerId(), start, end, cut(content, 500))), false);
		if (!o.rejected().isEmpty()) {
			throw new InvalidInputException(o.rejected().stream()
				.map(x -> new FieldError(x.field(), "volunteering.request.service-refused", x.message()))
				.toList());
		}
		long hoursId = o.recorded().get(0);
		String reason = blank(in.reason()) ? texts.get("volunteering.request.confirm-reason", r.id()) : in.reason();
		HoursService.Record given = hours.confirm(scope, hoursId, reason);
		String memo = cut(texts.get("volunteering.request.memo", r.id(), r.skill()), 200);
		RegionScope anywhere = new RegionScope(RegionCode.COUNTRY);
		long lacking = given.minutes() - bank.account(anywhere, r.elderAccountId()).balanceMinutes();
		if (lacking > 0) {
			long pool = nearestPool(anywhere, r.regionCode())
				.orElseThrow(() -> InvalidInputException.of("minutes", "volunteering.timebank.insufficient",
						given.minutes() - lacking));
			move(anywhere, r.id(), "grant", pool, r.elderAccountId(), lacking, TransferKind.GRANT, memo);
		}
		long transfer = move(anywhere, r.id(), "redemption", r.elderAccountId(), bank.clearing().id(),
				given.minutes(), TransferKind.REDEMPTION, memo);
		return new Given(hoursId, transfer);
	}

	private long move(RegionScope scope, long request, String step, long from, long to, long minutes,
			TransferKind kind, String memo) {
		return bank.transfer(scope, CALLER, CALLER + "-" + request + "-" + step,
				new TimeBank.TransferInput(from, to, BigDecimal.valueOf(minutes), kind.name(), memo))
			.transfer()
			.id();
	}

	/** The pool of the nearest region on the path of {@code region} that has one. */
	private Optional<Long> nearestPool(RegionScope scope, String region) {
		List<RegionCode> path = new ArrayList<>(RegionCode.parse(region).path());
		java.util.Collections.reverse(path);
		for (RegionCode code : path) {
			if (code.equals(RegionCode.COUNTRY)) {
				continue;
			}
			Optional<Long> pool = bank.accounts(scope, null, null, code.value(), AccountKind.POOL.name())
				.stream()
				.filter(a -> a.regionCode().equals(code.value()))
				.map(TimeBank.Account::id)
				.findFirst();
			if (pool.isPresent()) {
				return pool;
			}
		}
		return Optional.empty();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
