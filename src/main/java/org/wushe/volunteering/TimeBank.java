package org.wushe.volunteering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
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
 * <p>
 * A transfer requested outside a transaction (the API's) is checked by its caller and then applied by the group
 * writer ({@link TransferBatches}) together with the others queued at that moment, in one transaction; one requested
 * inside the caller's transaction is applied there, so that it commits or rolls back with it.
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

	private final JdbcClient jdbc;

	private final TimeBankRules rules;

	private final Ledger ledger;

	private final TimeBankStatements statements;

	private final VolunteerDirectory volunteers;

	private final ProjectService projects;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clerk clerk;

	private final TransactionTemplate tx;

	private final TransferBatches batches;

	TimeBank(JdbcClient jdbc, TimeBankRules rules, Ledger ledger, TimeBankStatements statements,
			VolunteerDirectory volunteers, ProjectService projects, Regions regions, AuditTrail audit, Clerk clerk,
			PlatformTransactionManager transactions, TransferBatches batches) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.ledger = ledger;
		this.statements = statements;
		this.volunteers = volunteers;
		this.projects = projects;
		this.regions = regions;
		this.audit = audit;
		this.clerk = clerk;
		this.tx = new TransactionTemplate(transactions);
		this.batches = batches;
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
		return jdbc.sql("SELECT " + Ledger.ACCOUNT_COLUMNS + """
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
			.query(Ledger.ACCOUNT)
			.list();
	}

	/** The account if it lies in the scope; the clearing account is visible to everyone. */
	public Optional<Account> find(RegionScope scope, long id) {
		return ledger.find(id).filter(a -> Ledger.visible(scope, a));
	}

	public Account account(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("volunteering.timebank.unknown-account", id));
	}

	/** The clearing account: deposits come from it, redemptions go to it. */
	public Account clearing() {
		return ledger.clearing();
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

	/**
	 * The accounts in scope of the registered relatives of a volunteer (other volunteers or persons served): the
	 * accounts a gift from the volunteer may reach.
	 */
	public List<Account> relativesAccounts(RegionScope scope, long volunteerId) {
		return jdbc.sql("SELECT " + Ledger.ACCOUNT_COLUMNS + """
				 FROM timebank_account
				WHERE volunteer_id IN (SELECT relative_volunteer_id FROM timebank_relative WHERE volunteer_id = :v)
				   OR person_id IN (SELECT relative_person_id FROM timebank_relative WHERE volunteer_id = :v)
				ORDER BY id
				""")
			.param("v", volunteerId)
			.query(Ledger.ACCOUNT)
			.list()
			.stream()
			.filter(a -> Ledger.visible(scope, a))
			.toList();
	}

	// ---- transfers

	/**
	 * Moves hours as the caller asked. A request with a key the caller used before answers the first transfer and
	 * moves nothing; the key is stored with the transfer in the same transaction. A refusal is thrown as the rules'
	 * {@link InvalidInputException} or {@link BusinessException}.
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
		String print = fingerprint;
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			batches.arriving();
			try {
				Checked c;
				try {
					c = check(scope, in, ledger::fixed);
				}
				catch (RuntimeException refused) {
					// a retry of an earlier request answers it, as before its check
					return replay(scope, caller, key, print).orElseThrow(() -> refused);
				}
				return batches.submit(new TransferBatches.Request(caller, key, print, c.kind(), c.from(), c.to(),
						c.minutes(), c.memo(), clerk.name(), address()));
			}
			finally {
				batches.left();
			}
		}
		// inside the caller's transaction: applied there, so that it commits or rolls back with it
		Optional<Outcome> earlier = replay(scope, caller, key, fingerprint);
		if (earlier.isPresent()) {
			return earlier.get();
		}
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

	private static String address() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
				? attrs.getRequest().getRemoteAddr() : null;
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

	/** A transfer request whose fields, accounts, kind and relatives have been checked. */
	private record Checked(TransferKind kind, Account from, Account to, long minutes, String memo) {
	}

	private Checked check(RegionScope scope, TransferInput in, java.util.function.LongFunction<Optional<Account>> accounts) {
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
		Account from = visible(scope, accounts, in.fromAccountId());
		Account to = visible(scope, accounts, in.toAccountId());
		if (from.id() == to.id()) {
			throw InvalidInputException.of("toAccountId", "volunteering.timebank.same-account");
		}
		rules.checkTransfer(kind, from, to);
		return new Checked(kind, from, to, minutes, memo);
	}

	private static Account visible(RegionScope scope, java.util.function.LongFunction<Optional<Account>> accounts,
			long id) {
		return accounts.apply(id).filter(a -> Ledger.visible(scope, a))
			.orElseThrow(() -> BusinessException.notFound("volunteering.timebank.unknown-account", id));
	}

	private long checkedTransfer(RegionScope scope, TransferInput in) {
		Checked c = check(scope, in, ledger::find);
		Map<Long, Ledger.Locked> locked = ledger.lock(List.of(c.from().id(), c.to().id()));
		Ledger.Locked target = locked.get(c.to().id());
		rules.checkCap(c.to(), target.balance, c.minutes());
		long id = ledger.post(c.kind(), locked.get(c.from().id()), target, c.minutes(), c.memo(), null);
		audit.record("timebank.transfer", ENTITY, id, RegionCode.parse(c.from().regionCode()));
		return id;
	}

	/** The volunteer's personal account, opened on first use. */
	long personalAccount(long volunteerId, String region) {
		return ledger.personalAccount(volunteerId, region);
	}

	/** A transfer with its postings. */
	public Transfer transfer(long id) {
		return ledger.transfer(id);
	}

	/** The postings of an account in scope, oldest first: its statement. */
	public List<Posting> statement(RegionScope scope, long accountId) {
		return statements.statement(scope, accountId);
	}

	/**
	 * Checks the ledger: every account in scope whose balance differs from the sum of its postings, the sum of all
	 * postings (zero when balanced) and the transfers that are not two postings summing to zero.
	 */
	public Reconciliation reconcile(RegionScope scope) {
		return statements.reconcile(scope);
	}

}
