package org.wushe.volunteering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * 时间银行: a double-entry ledger in whole minutes. Every transfer is two immutable postings that sum to zero, and each
 * account's kept balance moves with its posting in the same transaction, so a balance always equals the sum of its
 * postings. The accounts a transfer touches are locked in a fixed order (lower id first), so concurrent transfers
 * never deadlock. No account goes below its floor: zero, a pool's negative limit, or none for the clearing account
 * (its negative balance is the hours deposited and not yet redeemed).
 */
@Service
public class TimeBank {

	static final String ENTITY = "timebank";

	/** An account as read back. */
	public record Account(long id, AccountKind kind, String regionCode, Long volunteerId, Long teamId, Long personId,
			long balanceMinutes, Long floorMinutes, Instant openedAt) {
	}

	/** One side of a transfer, on one account. */
	public record Posting(long id, long transferId, long accountId, long minutes, long balanceAfter,
			Instant postedAt, TransferKind kind, String memo) {
	}

	/** A transfer with its two postings. */
	public record Transfer(long id, TransferKind kind, long fromAccountId, long toAccountId, long minutes,
			String memo, Long hoursId, Instant createdAt, List<Posting> postings) {
	}

	/** What a caller sends to move hours. */
	public record TransferInput(Long fromAccountId, Long toAccountId, BigDecimal minutes, String kind, String memo) {
	}

	/** The answer to a transfer request, and whether it repeats an earlier one with the same key. */
	public record Outcome(Transfer transfer, boolean replayed) {
	}

	/** What a caller sends to open an account. */
	public record OpenInput(String kind, String regionCode, Long volunteerId, Long teamId, Long personId) {
	}

	/** An account whose balance differs from the sum of its postings. */
	public record Mismatch(long accountId, long balanceMinutes, long postingsMinutes) {
	}

	/**
	 * @param accounts accounts checked (those in the caller's scope)
	 * @param postingsSum the sum of all postings of the ledger, 0 when it is balanced
	 * @param unbalancedTransfers transfers whose postings do not sum to zero or are not two
	 */
	public record Reconciliation(long accounts, long postingsSum, long unbalancedTransfers,
			List<Mismatch> mismatches) {
	}

	/** A registered relative of a volunteer. */
	public record Relative(long id, long volunteerId, Long relativeVolunteerId, Long relativePersonId,
			String relation) {
	}

	/** An account row while it is locked by the current transaction. */
	private static final class Locked {

		final Account account;

		long balance;

		Locked(Account account) {
			this.account = account;
			this.balance = account.balanceMinutes();
		}

	}

	private static final String ACCOUNT_COLUMNS = """
			id, kind, region_code, volunteer_id, team_id, person_id, balance_minutes, floor_minutes, opened_at""";

	private final JdbcClient jdbc;

	private final TimeBankRules rules;

	private final VolunteerDirectory volunteers;

	private final ProjectService projects;

	private final Regions regions;

	private final VolunteeringTally tally;

	private final AuditTrail audit;

	private final Clerk clerk;

	private final TransactionTemplate tx;

	private final TransactionTemplate ownTx;

	TimeBank(JdbcClient jdbc, TimeBankRules rules, VolunteerDirectory volunteers, ProjectService projects,
			Regions regions, VolunteeringTally tally, AuditTrail audit, Clerk clerk,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.volunteers = volunteers;
		this.projects = projects;
		this.regions = regions;
		this.tally = tally;
		this.audit = audit;
		this.clerk = clerk;
		this.tx = new TransactionTemplate(transactions);
		this.ownTx = new TransactionTemplate(transactions);
		this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// ---- accounts

	/** Accounts in scope, filtered by holder or by region and kind; at most 500. */
	public List<Account> accounts(RegionScope scope, Long volunteerId, Long personId, String regionCode,
			String kind) {
		FieldChecks c = new FieldChecks();
		AccountKind k = c.choice("kind", kind, AccountKind.class, false);
		c.throwIfAny();
		RegionScope within = scope;
		if (regionCode != null && !regionCode.isBlank()) {
			if (!RegionCode.isValid(regionCode.strip())) {
				throw BusinessException.notFound("region.error.unknown", regionCode);
			}
			within = scope.narrowTo(RegionCode.parse(regionCode.strip()));
			if (within == null || !scope.covers(RegionCode.parse(regionCode.strip()))) {
				throw BusinessException.notFound("region.error.unknown", regionCode);
			}
		}
		boolean exact = k == AccountKind.POOL && regionCode != null && !regionCode.isBlank();
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + """
				 FROM timebank_account
				WHERE region_code >= :from AND region_code < :to AND kind <> 'CLEARING'
				  AND (:volunteer IS NULL OR volunteer_id = :volunteer)
				  AND (:person IS NULL OR person_id = :person)
				  AND (:kind = '' OR kind = :kind)
				  AND (:exact = FALSE OR pool_region = :region)
				ORDER BY id LIMIT 500
				""")
			.param("from", within.from())
			.param("to", within.to())
			.param("volunteer", volunteerId, java.sql.Types.BIGINT)
			.param("person", personId, java.sql.Types.BIGINT)
			.param("kind", k == null ? "" : k.name())
			.param("exact", exact)
			.param("region", exact ? regionCode.strip() : "")
			.query((rs, n) -> account(rs))
			.list();
	}

	/** The account if it lies in the scope; the clearing account is visible to everyone. */
	public Optional<Account> find(RegionScope scope, long id) {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM timebank_account WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> account(rs))
			.optional()
			.filter(a -> a.kind() == AccountKind.CLEARING || scope.covers(RegionCode.parse(a.regionCode())));
	}

	public Account account(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("volunteering.timebank.unknown-account", id));
	}

	/** The clearing account: deposits come from it, redemptions go to it. */
	public Account clearing() {
		return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM timebank_account WHERE kind = 'CLEARING'")
			.query((rs, n) -> account(rs))
			.single();
	}

	/** Opens an account: one pool per region, one account per volunteer, team or elder. */
	public Account open(RegionScope scope, OpenInput in) {
		FieldChecks c = new FieldChecks();
		AccountKind kind = c.choice("kind", in.kind(), AccountKind.class, true);
		c.throwIfAny();
		String region;
		Long volunteer = null;
		Long team = null;
		Long person = null;
		Long floor = 0L;
		switch (kind) {
			case POOL, ELDER -> {
				region = region(scope, in.regionCode());
				if (kind == AccountKind.POOL) {
					floor = -rules.of(region).poolLimitMinutes();
				}
				else {
					if (in.personId() == null || in.personId() <= 0) {
						throw InvalidInputException.of("personId", "actor.input.required");
					}
					person = in.personId();
				}
			}
			case PERSONAL -> {
				if (in.volunteerId() == null) {
					throw InvalidInputException.of("volunteerId", "actor.input.required");
				}
				region = volunteers.find(scope, in.volunteerId())
					.orElseThrow(() -> InvalidInputException.of("volunteerId",
							"volunteering.input.unknown-volunteer", in.volunteerId()))
					.regionCode();
				volunteer = in.volunteerId();
			}
			case GROUP -> {
				if (in.teamId() == null) {
					throw InvalidInputException.of("teamId", "actor.input.required");
				}
				region = projects.findTeam(scope, in.teamId())
					.orElseThrow(() -> InvalidInputException.of("teamId", "volunteering.input.unknown-team",
							in.teamId()))
					.regionCode();
				team = in.teamId();
			}
			default -> throw InvalidInputException.of("kind", "volunteering.timebank.kind-not-opened");
		}
		long id;
		try {
			id = insertAccount(kind, region, volunteer, team, person, floor);
		}
		catch (DuplicateKeyException ex) {
			throw BusinessException.conflict("volunteering.timebank.account-exists");
		}
		return account(scope, id);
	}

	private long insertAccount(AccountKind kind, String region, Long volunteer, Long team, Long person, Long floor) {
		return tx.execute(s -> {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO timebank_account (kind, region_code, volunteer_id, team_id, person_id, pool_region,
					    balance_minutes, floor_minutes, opened_at)
					VALUES (:kind, :region, :volunteer, :team, :person, :pool, 0, :floor, :at)
					""")
				.param("kind", kind.name())
				.param("region", region)
				.param("volunteer", volunteer, java.sql.Types.BIGINT)
				.param("team", team, java.sql.Types.BIGINT)
				.param("person", person, java.sql.Types.BIGINT)
				.param("pool", kind == AccountKind.POOL ? region : null, java.sql.Types.VARCHAR)
				.param("floor", floor, java.sql.Types.BIGINT)
				.param("at", clerk.now())
				.update(keys, "id");
			long id = keys.getKey().longValue();
			audit.record("timebank.open", ENTITY, id, RegionCode.parse(region));
			return id;
		});
	}

	private String region(RegionScope scope, String text) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("regionCode", "actor.input.required");
		}
		String s = text.strip();
		if (!RegionCode.isValid(s) || !scope.covers(RegionCode.parse(s)) || !regions.exists(RegionCode.parse(s))) {
			throw InvalidInputException.of("regionCode", "volunteering.input.unknown-region", s);
		}
		return s;
	}

	// ---- relatives

	/** Registers a relative of a volunteer (another volunteer, or a person served), who may receive gifts. */
	public Relative registerRelative(RegionScope scope, Long volunteerId, Long relativeVolunteerId,
			Long relativePersonId, String relation) {
		FieldChecks c = new FieldChecks();
		if (volunteerId == null || volunteers.find(scope, volunteerId).isEmpty()) {
			c.add("volunteerId", "volunteering.input.unknown-volunteer", volunteerId);
		}
		if ((relativeVolunteerId == null) == (relativePersonId == null)) {
			c.add("relativeVolunteerId", "volunteering.timebank.relative-one");
		}
		else if (relativeVolunteerId != null && (relativeVolunteerId.equals(volunteerId)
				|| volunteers.find(scope, relativeVolunteerId).isEmpty())) {
			c.add("relativeVolunteerId", "volunteering.input.unknown-volunteer", relativeVolunteerId);
		}
		String rel = c.required("relation", relation, 20);
		c.throwIfAny();
		return tx.execute(s -> {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO timebank_relative (volunteer_id, relative_volunteer_id, relative_person_id, relation,
					    created_at)
					VALUES (:v, :rv, :rp, :rel, :at)
					""")
				.param("v", volunteerId)
				.param("rv", relativeVolunteerId, java.sql.Types.BIGINT)
				.param("rp", relativePersonId, java.sql.Types.BIGINT)
				.param("rel", rel)
				.param("at", clerk.now())
				.update(keys, "id");
			long id = keys.getKey().longValue();
			audit.record("timebank.relative", ENTITY, volunteerId,
					RegionCode.parse(volunteers.find(scope, volunteerId).orElseThrow().regionCode()));
			return new Relative(id, volunteerId, relativeVolunteerId, relativePersonId, rel);
		});
	}

	private boolean isRelative(long volunteerId, Account to) {
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

	// ---- transfers

	/**
	 * Moves hours as the caller asked. A request with a key the caller used before answers the first transfer and
	 * moves nothing; the key is stored with the transfer in the same transaction.
	 */
	public Outcome transfer(RegionScope scope, String caller, String key, TransferInput in) {
		if (key == null || key.isBlank()) {
			throw InvalidInputException.of("Idempotency-Key", "volunteering.timebank.key-required");
		}
		if (key.length() > 100) {
			throw InvalidInputException.of("Idempotency-Key", "actor.input.too-long", 100);
		}
		String fingerprint = in.fromAccountId() + "|" + in.toAccountId() + "|"
				+ (in.minutes() == null ? "" : in.minutes().stripTrailingZeros().toPlainString()) + "|" + in.kind()
				+ "|" + (in.memo() == null ? "" : in.memo().strip());
		if (fingerprint.length() > 200) {
			fingerprint = fingerprint.substring(0, 200);
		}
		Optional<Outcome> earlier = replay(scope, caller, key, fingerprint);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		String print = fingerprint;
		try {
			long id = tx.execute(s -> {
				long transferId = checkedTransfer(scope, in);
				jdbc.sql("""
						INSERT INTO timebank_request (caller, request_key, fingerprint, transfer_id)
						VALUES (:caller, :key, :print, :id)
						""").param("caller", caller).param("key", key).param("print", print).param("id", transferId)
					.update();
				return transferId;
			});
			return new Outcome(transfer(id), false);
		}
		catch (DuplicateKeyException raced) {
			return replay(scope, caller, key, fingerprint).orElseThrow(() -> raced);
		}
	}

	private Optional<Outcome> replay(RegionScope scope, String caller, String key, String fingerprint) {
		return jdbc.sql("SELECT fingerprint, transfer_id FROM timebank_request WHERE caller = :caller AND request_key = :key")
			.param("caller", caller)
			.param("key", key)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(fingerprint)) {
					throw BusinessException.conflict("volunteering.timebank.key-reused");
				}
				return new Outcome(transfer(rs.getLong(2)), true);
			})
			.optional();
	}

	private long checkedTransfer(RegionScope scope, TransferInput in) {
		FieldChecks c = new FieldChecks();
		TransferKind kind = c.choice("kind", in.kind(), TransferKind.class, true);
		String memo = c.optional("memo", in.memo(), 200);
		long minutes = 0;
		if (in.minutes() == null) {
			c.add("minutes", "actor.input.required");
		}
		else if (in.minutes().signum() <= 0 || in.minutes().stripTrailingZeros().scale() > 0
				|| in.minutes().compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
			c.add("minutes", "volunteering.timebank.minutes-whole");
		}
		else {
			minutes = in.minutes().longValueExact();
		}
		if (in.fromAccountId() == null) {
			c.add("fromAccountId", "actor.input.required");
		}
		if (in.toAccountId() == null) {
			c.add("toAccountId", "actor.input.required");
		}
		c.throwIfAny();
		Account from = account(scope, in.fromAccountId());
		Account to = account(scope, in.toAccountId());
		if (from.id() == to.id()) {
			throw InvalidInputException.of("toAccountId", "volunteering.timebank.same-account");
		}
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
		Map<Long, Locked> locked = lock(List.of(from.id(), to.id()));
		Locked target = locked.get(to.id());
		if (to.kind() == AccountKind.PERSONAL) {
			long cap = rules.of(to.regionCode()).capMinutes();
			if (target.balance + minutes > cap) {
				throw InvalidInputException.of("minutes", "volunteering.timebank.over-cap", cap / 60,
						Math.max(0, cap - target.balance));
			}
		}
		long id = post(kind, locked.get(from.id()), target, minutes, memo, null);
		audit.record("timebank.transfer", ENTITY, id, RegionCode.parse(from.regionCode()));
		return id;
	}

	private static boolean allowed(TransferKind kind, AccountKind from, AccountKind to) {
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

	/**
	 * Deposits the confirmed minutes of hours record {@code hoursId} into the volunteer's personal account (opened on
	 * first use), in the caller's transaction. Minutes above the province's cap are donated on to the nearest pool.
	 */
	void deposit(long hoursId, long volunteerId, String volunteerRegion, long minutes) {
		long personal = personalAccount(volunteerId, volunteerRegion);
		Account clearing = clearing();
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
		Account clearing = clearing();
		Map<Long, Locked> locked = lock(List.of(clearing.id(), personal));
		Locked account = locked.get(personal);
		if (account.balance < deposited) {
			throw BusinessException.conflict("volunteering.timebank.already-spent", deposited, account.balance);
		}
		post(TransferKind.REVERSAL, account, locked.get(clearing.id()), deposited, null, hoursId);
	}

	private Optional<Long> nearestPool(String region) {
		List<String> path = RegionCode.parse(region).path().stream().map(RegionCode::value).toList();
		return jdbc.sql("SELECT id, pool_region FROM timebank_account WHERE pool_region IN (:path)")
			.param("path", path)
			.query((rs, n) -> Map.entry(rs.getString(2), rs.getLong(1)))
			.list()
			.stream()
			.max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
			.map(Map.Entry::getValue);
	}

	/** The volunteer's personal account, opened in a short transaction of its own on first use. */
	long personalAccount(long volunteerId, String region) {
		Optional<Long> id = jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v")
			.param("v", volunteerId)
			.query(Long.class)
			.optional();
		if (id.isPresent()) {
			return id.get();
		}
		try {
			ownTx.executeWithoutResult(s -> jdbc.sql("""
					INSERT INTO timebank_account (kind, region_code, volunteer_id, balance_minutes, floor_minutes, opened_at)
					VALUES ('PERSONAL', :region, :v, 0, 0, :at)
					""").param("region", region).param("v", volunteerId).param("at", clerk.now()).update());
		}
		catch (DuplicateKeyException raced) {
			// opened meanwhile
		}
		return jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v")
			.param("v", volunteerId)
			.query(Long.class)
			.single();
	}

	/** Locks the accounts' rows, lower id first, and reads them as they are now. */
	private Map<Long, Locked> lock(Collection<Long> ids) {
		Map<Long, Locked> locked = new LinkedHashMap<>();
		for (long id : new TreeSet<>(ids)) {
			Account a = jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM timebank_account WHERE id = :id FOR UPDATE")
				.param("id", id)
				.query((rs, n) -> account(rs))
				.single();
			locked.put(id, new Locked(a));
		}
		return locked;
	}

	/** One transfer: two postings summing to zero, both balances moved; refused below the source's floor. */
	private long post(TransferKind kind, Locked from, Locked to, long minutes, String memo, Long hoursId) {
		Long floor = from.account.floorMinutes();
		if (floor != null && from.balance - minutes < floor) {
			throw InvalidInputException.of("minutes", "volunteering.timebank.insufficient", from.balance - floor);
		}
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
		jdbc.sql("UPDATE timebank_account SET balance_minutes = :b WHERE id = :id")
			.param("b", from.balance)
			.param("id", from.account.id())
			.update();
		jdbc.sql("UPDATE timebank_account SET balance_minutes = :b WHERE id = :id")
			.param("b", to.balance)
			.param("id", to.account.id())
			.update();
		if (from.account.kind() != AccountKind.CLEARING) {
			tally.add(VolunteeringTally.Figure.TIMEBANK, from.account.regionCode(), -minutes);
		}
		if (to.account.kind() != AccountKind.CLEARING) {
			tally.add(VolunteeringTally.Figure.TIMEBANK, to.account.regionCode(), minutes);
		}
		return id;
	}

	/** A transfer with its postings. */
	public Transfer transfer(long id) {
		List<Posting> postings = jdbc.sql("""
				SELECT p.id, p.transfer_id, p.account_id, p.minutes, p.balance_after, p.posted_at, t.kind, t.memo
				FROM timebank_posting p JOIN timebank_transfer t ON t.id = p.transfer_id
				WHERE p.transfer_id = :id ORDER BY p.id
				""").param("id", id).query((rs, n) -> posting(rs)).list();
		return jdbc.sql("""
				SELECT id, kind, from_account_id, to_account_id, minutes, memo, hours_id, created_at
				FROM timebank_transfer WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Transfer(rs.getLong(1), TransferKind.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getString(6), (Long) rs.getObject(7, Long.class),
					rs.getTimestamp(8).toInstant(), postings))
			.single();
	}

	/** The postings of an account in scope, oldest first: its statement. */
	public List<Posting> statement(RegionScope scope, long accountId) {
		account(scope, accountId);
		return jdbc.sql("""
				SELECT p.id, p.transfer_id, p.account_id, p.minutes, p.balance_after, p.posted_at, t.kind, t.memo
				FROM timebank_posting p JOIN timebank_transfer t ON t.id = p.transfer_id
				WHERE p.account_id = :a ORDER BY p.id
				""").param("a", accountId).query((rs, n) -> posting(rs)).list();
	}

	// ---- reconciliation

	/**
	 * Checks the ledger: every account in scope whose balance differs from the sum of its postings, the sum of all
	 * postings (zero when balanced) and the transfers that are not two postings summing to zero.
	 */
	public Reconciliation reconcile(RegionScope scope) {
		boolean all = scope.root().isCountry();
		List<Mismatch> mismatches = new ArrayList<>();
		long[] count = new long[1];
		jdbc.sql("""
				SELECT a.id, a.balance_minutes, COALESCE(SUM(p.minutes), 0)
				FROM timebank_account a LEFT JOIN timebank_posting p ON p.account_id = a.id
				WHERE (a.region_code >= :from AND a.region_code < :to) OR (:all = TRUE AND a.kind = 'CLEARING')
				GROUP BY a.id, a.balance_minutes
				ORDER BY a.id
				""").param("from", scope.from()).param("to", scope.to()).param("all", all).query((rs, n) -> {
			count[0]++;
			if (rs.getLong(2) != rs.getLong(3)) {
				mismatches.add(new Mismatch(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
			}
			return null;
		}).list();
		long sum = jdbc.sql("SELECT COALESCE(SUM(minutes), 0) FROM timebank_posting").query(Long.class).single();
		long unbalanced = jdbc.sql("""
				SELECT COUNT(*) FROM (
				    SELECT t.id FROM timebank_transfer t LEFT JOIN timebank_posting p ON p.transfer_id = t.id
				    GROUP BY t.id HAVING COUNT(p.id) <> 2 OR COALESCE(SUM(p.minutes), 0) <> 0) u
				""").query(Long.class).single();
		return new Reconciliation(count[0], sum, unbalanced, mismatches);
	}

	private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Account(rs.getLong(1), AccountKind.valueOf(rs.getString(2)), rs.getString(3),
				(Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class),
				(Long) rs.getObject(6, Long.class), rs.getLong(7), (Long) rs.getObject(8, Long.class),
				rs.getTimestamp(9).toInstant());
	}

	private static Posting posting(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Posting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
				rs.getTimestamp(6).toInstant(), TransferKind.valueOf(rs.getString(7)), rs.getString(8));
	}

}
