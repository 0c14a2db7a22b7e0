package org.wushe.volunteering;

import java.util.EnumSet;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.shared.InvalidInputException;

/**
 * The time bank's rules. Per province ({@code timebank_rule}); a province without its own row follows Nanjing's: at
 * most 1,500 hours stored per person, the overflow donated to the pool, and a pool may lend up to 200 hours. For every
 * province: which kinds of transfer go between which kinds of account (group hours only for donation), and gifts only
 * to registered relatives.
 */
@Component
@RequiredArgsConstructor
public class TimeBankRules {

	/** One province's rules, in minutes. */
	record Rules(long capMinutes, long poolLimitMinutes) {
	}

	static final Rules NANJING = new Rules(1500L * 60, 200L * 60);

	private final JdbcClient jdbc;

	Rules of(String regionCode) {
		RegionCode code = RegionCode.parse(regionCode);
		if (code.isCountry()) {
			return NANJING;
		}
		String province = code.ancestorAt(RegionLevel.PROVINCE).value();
		return jdbc.sql("SELECT cap_minutes, pool_limit_minutes FROM timebank_rule WHERE province_code = :p")
			.param("p", province)
			.query(Rules.class)
			.optional()
			.orElse(NANJING);
	}

	/** Refuses a transfer a caller may not ask for: its kind between these accounts, or a gift to a stranger. */
	void checkTransfer(TransferKind kind, TimeBank.Account from, TimeBank.Account to) {
		if (kind == TransferKind.DEPOSIT || kind == TransferKind.REVERSAL) {
			throw InvalidInputException.of("kind", "volunteering.timebank.kind-internal", kind.messageKey());
		}
		if (from.kind() == AccountKind.GROUP && kind != TransferKind.DONATION) {
			throw InvalidInputException.of("kind", "volunteering.timebank.group-donation-only");
		}
		if (!allowed(kind, from.kind(), to.kind())) {
			throw InvalidInputException.of("kind", "volunteering.timebank.kind-not-allowed", kind.messageKey(),
					from.kind().messageKey(), to.kind().messageKey());
		}
		if (kind == TransferKind.GIFT && !isRelative(from.volunteerId(), to)) {
			throw InvalidInputException.of("toAccountId", "volunteering.timebank.not-relative");
		}
	}

	/** Refuses {@code minutes} more on a personal account holding {@code balance} when they pass the cap. */
	void checkCap(TimeBank.Account to, long balance, long minutes) {
		if (to.kind() != AccountKind.PERSONAL) {
			return;
		}
		checkCap(to, balance, minutes, of(to.regionCode()));
	}

	/** The same, with the province's rules at hand. */
	static void checkCap(TimeBank.Account to, long balance, long minutes, Rules rules) {
		if (to.kind() != AccountKind.PERSONAL) {
			return;
		}
		long cap = rules.capMinutes();
		if (balance + minutes > cap) {
			throw InvalidInputException.of("minutes", "volunteering.timebank.over-cap", cap / 60,
					Math.max(0, cap - balance));
		}
	}

	public static boolean allowed(TransferKind kind, AccountKind from, AccountKind to) {
		Set<AccountKind> sources;
		Set<AccountKind> targets;
		switch (kind) {
			case DONATION -> {
				sources = EnumSet.of(AccountKind.PERSONAL, AccountKind.GROUP);
				targets = from == AccountKind.GROUP ? EnumSet.of(AccountKind.POOL)
						: EnumSet.of(AccountKind.POOL, AccountKind.GROUP);
			}
			case GIFT -> {
				sources = EnumSet.of(AccountKind.PERSONAL);
				targets = EnumSet.of(AccountKind.PERSONAL, AccountKind.ELDER);
			}
			case GRANT -> {
				sources = EnumSet.of(AccountKind.POOL);
				targets = EnumSet.of(AccountKind.ELDER);
			}
			case REDEMPTION -> {
				sources = EnumSet.of(AccountKind.PERSONAL, AccountKind.ELDER);
				targets = EnumSet.of(AccountKind.CLEARING);
			}
			default -> {
				return false;
			}
		}
		return sources.contains(from) && targets.contains(to);
	}

	private boolean isRelative(long volunteerId, TimeBank.Account to) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM timebank_relative
				WHERE volunteer_id = :v AND ((:rv IS NOT NULL AND relative_volunteer_id = :rv)
				    OR (:rp IS NOT NULL AND relative_person_id = :rp))
				""")
			.param("v", volunteerId)
			.param("rv", to.volunteerId(), java.sql.Types.BIGINT)
			.param("rp", to.personId(), java.sql.Types.BIGINT)
			.query(Long.class)
			.single() > 0;
	}

}
