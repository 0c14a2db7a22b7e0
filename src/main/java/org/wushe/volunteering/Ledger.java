package org.wushe.volunteering;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * The time bank's posting writer: locks the accounts a transfer touches in a fixed order (lower id first, so
 * concurrent transfers never deadlock), writes the transfer with its two postings summing to zero and moves both kept
 * balances in the caller's transaction; and deposits confirmed hours and takes them back on reversal.
 */
@Component
class Ledger {

	/** An account row while it is locked by the current transaction. */
	static final class Locked {

		final TimeBank.Account account;

		long balance;

		Locked(TimeBank.Account account) {
			this.account = account;
			this.balance = account.balanceMinutes();
		}

	}

	static final String ACCOUNT_COLUMNS = """
			id, kind, region_code, volunteer_id, team_id, person_id, balance_minutes, floor_minutes, opened_at""";

	private static final String POSTINGS = """
			SELECT p.id, p.transfer_id, p.account_id, p.minutes, p.balance_after, p.posted_at, t.kind, t.memo
			FROM timebank_posting p JOIN timebank_transfer t ON t.id = p.transfer_id
			""";

	/** An account read from {@link #ACCOUNT_COLUMNS}. */
	static final RowMapper<TimeBank.Account> ACCOUNT = new DataClassRowMapper<>(TimeBank.Account.class);

	private final JdbcClient jdbc;

	private final TimeBankRules rules;

	private final VolunteeringTally tally;

	private final FirstUse firstUse;

	private final Clerk clerk;

	private final java.util.concurrent.ConcurrentHashMap<Long, TimeBank.Account> opened =
			new java.util.concurrent.ConcurrentHashMap<>();

	Ledger(JdbcClient jdbc, TimeBankRules rules, VolunteeringTally tally, FirstUse firstUse, Clerk clerk) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.tally = tally;
		this.firstUse = firstUse;
		this.clerk = clerk;
	}

	/** Whether the caller may see the account: the clearing account is visible to everyone. */
	static boolean visible(RegionScope scope, TimeBank.Account a) {
		return a.kind() == AccountKind.CLEARING || scope.covers(RegionCode.parse(a.regionCode()));
	}

	/** Any account by id, whatever the scope. */
	Optional<TimeBank.Account> find(long id) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM timebank_account WHERE id = :id")
			.param("id", id)
			.query(ACCOUNT)
			.optional();
	}

	/** The account if it lies in the scope, else 404. */
	TimeBank.Account account(RegionScope scope, long id) {
		return find(id).filter(a -> visible(scope, a))
			.orElseThrow(() -> BusinessException.notFound("volunteering.timebank.unknown-account", id));
	}

	TimeBank.Account clearing() {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM timebank_account WHERE kind = 'CLEARING'")
			.query(ACCOUNT)
			.single();
	}

	/**
	 * Deposits the confirmed minutes of hours record {@code hoursId} into the volunteer's personal account (opened on
	 * first use), in the caller's transaction. Minutes above the province's cap are donated on to the nearest pool.
	 */
	void deposit(long hoursId, long volunteerId, String volunteerRegion, long minutes) {
		long personal = personalAccount(volunteerId, volunteerRegion);
		TimeBank.Account clearing = clearing();
		long cap = rules.of(volunteerRegion).capMinutes();
		Optional<Long> pool = nearestPool(volunteerRegion);
		List<Long> ids = new ArrayList<>(List.of(clearing.id(), personal));
		pool.ifPresent(ids::add);
		Map<Long, Locked> locked = lock(ids);
		Locked account = locked.get(personal);
		long overflow = account.balance + minutes - cap;
		if (overflow > 0 && pool.isEmpty()) {
			throw BusinessException.conflict("volunteering.timebank.no-pool", cap / 60);
		}
		post(TransferKind.DEPOSIT, locked.get(clearing.id()), account, minutes, null, hoursId);
		if (overflow > 0) {
			post(TransferKind.DONATION, account, locked.get(pool.get()), Math.min(overflow, minutes), null, hoursId);
		}
	}

	/**
	 * Takes back what confirmed hours record {@code hoursId} deposited, when it is reversed: refused when the hours
	 * have been spent meanwhile.
	 */
	void withdrawDeposit(long hoursId, long volunteerId, String volunteerRegion) {
		long deposited = jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN kind = 'DEPOSIT' THEN minutes ELSE -minutes END), 0) FROM timebank_transfer
				WHERE hours_id = :h AND kind IN ('DEPOSIT', 'DONATION')
				""").param("h", hoursId).query(Long.class).single();
		if (deposited <= 0) {
			return;
		}
		long personal = personalAccount(volunteerId, volunteerRegion);
		TimeBank.Account clearing = clearing();
		Map<Long, Locked> locked = lock(List.of(clearing.id(), personal));
		Locked account = locked.get(personal);
		if (account.balance < deposited) {
			throw BusinessException.conflict("volunteering.timebank.already-spent", deposited, account.balance);
		}
		post(TransferKind.REVERSAL, account, locked.get(clearing.id()), deposited, null, hoursId);
	}

	/** The pool of the nearest region on the path of {@code region} that has one. */
	Optional<Long> nearestPool(String region) {
		record Pool(long id, String poolRegion) {
		}
		List<String> path = RegionCode.parse(region).path().stream().map(RegionCode::value).toList();
		return jdbc.sql("SELECT id, pool_region FROM timebank_account WHERE pool_region IN (:path)")
			.param("path", path)
			.query(Pool.class)
			.list()
			.stream()
			.max((a, b) -> Integer.compare(a.poolRegion().length(), b.poolRegion().length()))
			.map(Pool::id);
	}

	/** The volunteer's personal account, opened on first use. */
	long personalAccount(long volunteerId, String region) {
		return firstUse.orCreate(() -> jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v")
			.param("v", volunteerId)
			.query(Long.class)
			.optional(), () -> jdbc.sql("""
					INSERT INTO timebank_account (kind, region_code, volunteer_id, balance_minutes, floor_minutes, opened_at)
					VALUES ('PERSONAL', :region, :v, 0, 0, :at)
					""").param("region", region).param("v", volunteerId).param("at", clerk.now()).update());
	}

	/** Locks the accounts' rows, lower id first, and reads them as they are now. */
	Map<Long, Locked> lock(Collection<Long> ids) {
		Map<Long, Locked> locked = new LinkedHashMap<>();
		for (long id : new TreeSet<>(ids)) {
			TimeBank.Account a = jdbc
				.sql("SELECT " + ACCOUNT_COLUMNS + " FROM timebank_account WHERE id = :id FOR UPDATE")
				.param("id", id)
				.query(ACCOUNT)
				.single();
			locked.put(id, new Locked(a));
		}
		return locked;
	}

	/** One transfer: two postings summing to zero, both balances moved; refused below the source's floor. */
	long post(TransferKind kind, Locked from, Locked to, long minutes, String memo, Long hoursId) {
		checkFloor(from.account, from.balance, minutes);
		Timestamp now = clerk.now();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO timebank_transfer (kind, from_account_id, to_account_id, minutes, memo, hours_id, created_at,
				    created_by)
				VALUES (:kind, :from, :to, :minutes, :memo, :hours, :at, :by)
				""")
			.param("kind", kind.name())
			.param("from", from.account.id())
			.param("to", to.account.id())
			.param("minutes", minutes)
			.param("memo", memo, java.sql.Types.VARCHAR)
			.param("hours", hoursId, java.sql.Types.BIGINT)
			.param("at", now)
			.param("by", clerk.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		from.balance -= minutes;
		to.balance += minutes;
		jdbc.sql("""
				INSERT INTO timebank_posting (transfer_id, account_id, minutes, balance_after, posted_at)
				VALUES (:t, :a1, :m1, :b1, :at), (:t, :a2, :m2, :b2, :at)
				""")
			.param("t", id)
			.param("a1", from.account.id())
			.param("m1", -minutes)
			.param("b1", from.balance)
			.param("a2", to.account.id())
			.param("m2", minutes)
			.param("b2", to.balance)
			.param("at", now)
			.update();
		for (Locked side : List.of(from, to)) {
			jdbc.sql("UPDATE timebank_account SET balance_minutes = :b WHERE id = :id")
				.param("b", side.balance)
				.param("id", side.account.id())
				.update();
		}
		if (from.account.kind() != AccountKind.CLEARING) {
			tally.add(VolunteeringTally.Figure.TIMEBANK, from.account.regionCode(), -minutes);
		}
		if (to.account.kind() != AccountKind.CLEARING) {
			tally.add(VolunteeringTally.Figure.TIMEBANK, to.account.regionCode(), minutes);
		}
		return id;
	}

	/** Refuses taking {@code minutes} from an account holding {@code balance} when that passes its floor. */
	static void checkFloor(TimeBank.Account from, long balance, long minutes) {
		Long floor = from.floorMinutes();
		if (floor != null && balance - minutes < floor) {
			throw InvalidInputException.of("minutes", "volunteering.timebank.insufficient", balance - floor);
		}
	}

	/**
	 * The account for what never changes once it is opened (kind, region, holder, floor), kept after the first read:
	 * its balance is the one read then, not to be used.
	 */
	Optional<TimeBank.Account> fixed(long id) {
		TimeBank.Account known = opened.get(id);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<TimeBank.Account> found = find(id);
		found.ifPresent(a -> {
			if (opened.size() > 100_000) {
				opened.clear();
			}
			opened.put(id, a);
		});
		return found;
	}

	/** A transfer with its postings. */
	TimeBank.Transfer transfer(long id) {
		List<TimeBank.Posting> postings = jdbc.sql(POSTINGS + " WHERE p.transfer_id = :id ORDER BY p.id")
			.param("id", id)
			.query(TimeBank.Posting.class)
			.list();
		return jdbc.sql("""
				SELECT id, kind, from_account_id, to_account_id, minutes, memo, hours_id, created_at
				FROM timebank_transfer WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new TimeBank.Transfer(rs.getLong(1), TransferKind.valueOf(rs.getString(2)),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), (Long) rs.getObject(7, Long.class),
					rs.getTimestamp(8).toInstant(), postings))
			.single();
	}

	/** The postings of an account, oldest first. */
	List<TimeBank.Posting> postings(long accountId) {
		return jdbc.sql(POSTINGS + " WHERE p.account_id = :a ORDER BY p.id")
			.param("a", accountId)
			.query(TimeBank.Posting.class)
			.list();
	}

}
