package org.wushe.charity.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.personal.FieldChecks;
import org.wushe.audit.AuditTrail;
import org.wushe.region.ListQuery;
import org.wushe.charity.support.CharityRegions;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/** Charity funds (with matching) and charitable trusts within the user's scope. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FundService {

	/** Audit entity of funds. */
	static final String FUND = "charity-fund";

	/** Audit entity of trusts. */
	static final String TRUST = "charitable-trust";

	/** Message of a change made from a version that someone else's change has since replaced. */
	static final String FUND_STALE = "charity.fund.stale";

	static final String TRUST_STALE = "charity.trust.stale";

	private final Funds funds;

	private final CharityRegions regions;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	/** A fund's checked fields. */
	private record FundValues(String name, String region, String purpose, String manager, BigDecimal ratio,
			BigDecimal cap, FundStatus status) {
	}

	@Transactional
	public Fund createFund(FundInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		FundValues v = checkFund(c, input, scope);
		c.throwIfAny();
		long id = funds.insertFund(v.name(), v.region(), v.purpose(), v.manager(), v.ratio(), v.cap(), v.status(),
				now(), actor());
		return audited("charity-fund.create", FUND, id, v.region(), () -> getFund(scope, id));
	}

	/**
	 * Changes a fund in scope (404 outside) from the version given with the input. The cap may not fall below what the
	 * fund has already matched; the matched total itself only ever changes through donations. If someone else has
	 * changed the fund since that version, nothing is changed (409).
	 */
	@Transactional
	public Fund updateFund(long id, FundInput input, RegionScope scope) {
		Fund before = getFund(scope, id);
		FieldChecks c = new FieldChecks();
		FundValues v = checkFund(c, input, scope);
		if (v.cap() != null && v.cap().compareTo(before.matchedTotal()) < 0) {
			c.add("matchingCap", "charity.fund.cap-below-matched", before.matchedTotal().toPlainString());
		}
		changeAtVersion(c, input.version(), version -> funds.updateFund(id, version, v.name(), v.region(), v.purpose(),
				v.manager(), v.ratio(), v.cap(), v.status()), FUND_STALE);
		return audited("charity-fund.update", FUND, id, v.region(), () -> getFund(scope, id));
	}

	/**
	 * Makes a change from the version given with the input (a whole number, required) once every check has passed:
	 * {@code change} answers whether the row was still at that version; if not, nothing is changed (409,
	 * {@code staleKey}).
	 */
	private static void changeAtVersion(FieldChecks c, String versionText, IntPredicate change, String staleKey) {
		Integer version = c.integer("version", versionText, 0, Integer.MAX_VALUE, true);
		c.throwIfAny();
		if (!change.test(version)) {
			throw BusinessException.conflict(staleKey);
		}
	}

	/** Records {@code action} on row {@code id} in the audit trail, then reads the row back. */
	private <T> T audited(String action, String entity, long id, String region, Supplier<T> row) {
		audit.record(action, entity, id, RegionCode.parse(region));
		return row.get();
	}

	private FundValues checkFund(FieldChecks c, FundInput input, RegionScope scope) {
		String name = c.required("name", input.name(), 200);
		Optional<Region> region = regions.check(c, "regionCode", input.regionCode(), scope);
		String purpose = c.optional("purpose", input.purpose(), 500);
		String manager = c.optional("manager", input.manager(), 200);
		BigDecimal ratio = c.decimal("matchingRatio", input.matchingRatio(), BigDecimal.ZERO, new BigDecimal("10"), 2,
				false);
		BigDecimal cap = c.yuan("matchingCap", input.matchingCap(), BigDecimal.ZERO, false);
		FundStatus status = c.choice("status", input.status(), FundStatus.class, false);
		return new FundValues(name, region.map(r -> r.code().value()).orElse(null), purpose, manager,
				ratio == null ? BigDecimal.ZERO : ratio, cap == null ? BigDecimal.ZERO.setScale(2) : cap,
				status == null ? FundStatus.OPEN : status);
	}

	public Optional<Fund> findFund(RegionScope scope, long id) {
		return funds.findFund(scope, id);
	}

	public Fund getFund(RegionScope scope, long id) {
		return findFund(scope, id).orElseThrow(() -> BusinessException.notFound("charity.fund.unknown", id));
	}

	public List<Fund> funds(ListQuery filter) {
		return funds.funds(filter);
	}

	/** The matched amount of a donation of {@code value} to an open fund (inside the donation's transaction). */
	public BigDecimal match(Fund fund, BigDecimal value) {
		return fund.status() == FundStatus.OPEN ? funds.match(fund.id(), value) : BigDecimal.ZERO.setScale(2);
	}

	/** A trust's checked fields. */
	private record TrustValues(String name, String trustee, BigDecimal amount, String region, LocalDate established,
			String filing, String purpose) {
	}

	@Transactional
	public CharitableTrust createTrust(TrustInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		TrustValues v = checkTrust(c, input, scope);
		c.throwIfAny();
		long id = funds.insertTrust(v.name(), v.trustee(), v.amount(), v.region(), v.established(), v.filing(),
				v.purpose(), now(), actor());
		return audited("charitable-trust.create", TRUST, id, v.region(), () -> getTrust(scope, id));
	}

	/**
	 * Changes a trust in scope (404 outside) from the version given with the input, with the same checks as when it
	 * was recorded. If someone else has changed the trust since that version, nothing is changed (409).
	 */
	@Transactional
	public CharitableTrust updateTrust(long id, TrustInput input, RegionScope scope) {
		getTrust(scope, id);
		FieldChecks c = new FieldChecks();
		TrustValues v = checkTrust(c, input, scope);
		changeAtVersion(c, input.version(), version -> funds.updateTrust(id, version, v.name(), v.trustee(),
				v.amount(), v.region(), v.established(), v.filing(), v.purpose()), TRUST_STALE);
		return audited("charitable-trust.update", TRUST, id, v.region(), () -> getTrust(scope, id));
	}

	private TrustValues checkTrust(FieldChecks c, TrustInput input, RegionScope scope) {
		String name = c.required("name", input.name(), 200);
		String trustee = c.required("trustee", input.trustee(), 200);
		BigDecimal amount = c.yuan("amount", input.amount(), new BigDecimal("0.01"), true);
		Optional<Region> region = regions.check(c, "regionCode", input.regionCode(), scope);
		LocalDate established = c.date("establishedOn", input.establishedOn(), LocalDate.now(clock), false);
		String filing = c.optional("filingNumber", input.filingNumber(), 50);
		String purpose = c.optional("purpose", input.purpose(), 500);
		return new TrustValues(name, trustee, amount, region.map(r -> r.code().value()).orElse(null), established,
				filing, purpose);
	}

	public CharitableTrust getTrust(RegionScope scope, long id) {
		return funds.findTrust(scope, id).orElseThrow(() -> BusinessException.notFound("charity.trust.unknown", id));
	}

	public List<CharitableTrust> trusts(ListQuery filter) {
		return funds.trusts(filter);
	}

	/** Every fund matching the filter, streamed for exports; close the stream, inside a transaction. */
	java.util.stream.Stream<Fund> streamFunds(ListQuery filter) {
		return funds.streamFunds(filter);
	}

	/** Every trust matching the filter, streamed for exports; close the stream, inside a transaction. */
	java.util.stream.Stream<CharitableTrust> streamTrusts(ListQuery filter) {
		return funds.streamTrusts(filter);
	}

	private java.sql.Timestamp now() {
		return java.sql.Timestamp.from(clock.instant());
	}

	private static String actor() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

}
