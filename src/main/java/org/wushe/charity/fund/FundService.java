package org.wushe.charity.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.actor.FieldChecks;
import org.wushe.audit.AuditTrail;
import org.wushe.charity.support.CharityFilter;
import org.wushe.charity.support.CharityRegions;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/** Charity funds (with matching) and charitable trusts within the user's scope. */
@Service
public class FundService {

	private final Funds funds;

	private final CharityRegions regions;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	FundService(Funds funds, CharityRegions regions, AuditTrail audit, java.time.Clock clock) {
		this.funds = funds;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Fund createFund(FundInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", input.name(), 200);
		Optional<Region> region = regions.check(c, "regionCode", input.regionCode(), scope);
		String purpose = c.optional("purpose", input.purpose(), 500);
		String manager = c.optional("manager", input.manager(), 200);
		BigDecimal ratio = c.decimal("matchingRatio", input.matchingRatio(), BigDecimal.ZERO, new BigDecimal("10"), 2,
				false);
		BigDecimal cap = c.decimal("matchingCap", input.matchingCap(), BigDecimal.ZERO,
				new BigDecimal("999999999999.99"), 2, false);
		FundStatus status = c.choice("status", input.status(), FundStatus.class, false);
		c.throwIfAny();
		long id = funds.insertFund(name, region.orElseThrow().code().value(), purpose, manager,
				ratio == null ? BigDecimal.ZERO : ratio, cap == null ? BigDecimal.ZERO.setScale(2) : cap,
				status == null ? FundStatus.OPEN : status, now(), actor());
		audit.record("charity-fund.create", "charity-fund", id, region.get().code());
		return getFund(scope, id);
	}

	public Optional<Fund> findFund(RegionScope scope, long id) {
		return funds.findFund(scope, id);
	}

	public Fund getFund(RegionScope scope, long id) {
		return findFund(scope, id).orElseThrow(() -> BusinessException.notFound("charity.fund.unknown", id));
	}

	public List<Fund> funds(CharityFilter filter) {
		return funds.funds(filter);
	}

	/** The matched amount of a donation of {@code value} to an open fund (inside the donation's transaction). */
	public BigDecimal match(Fund fund, BigDecimal value) {
		return fund.status() == FundStatus.OPEN ? funds.match(fund.id(), value) : BigDecimal.ZERO.setScale(2);
	}

	@Transactional
	public CharitableTrust createTrust(TrustInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", input.name(), 200);
		String trustee = c.required("trustee", input.trustee(), 200);
		BigDecimal amount = c.decimal("amount", input.amount(), new BigDecimal("0.01"),
				new BigDecimal("999999999999.99"), 2, true);
		Optional<Region> region = regions.check(c, "regionCode", input.regionCode(), scope);
		LocalDate established = c.date("establishedOn", input.establishedOn(), LocalDate.now(clock), false);
		String filing = c.optional("filingNumber", input.filingNumber(), 50);
		String purpose = c.optional("purpose", input.purpose(), 500);
		c.throwIfAny();
		long id = funds.insertTrust(name, trustee, amount, region.orElseThrow().code().value(), established, filing,
				purpose, now(), actor());
		audit.record("charitable-trust.create", "charitable-trust", id, region.get().code());
		return getTrust(scope, id);
	}

	public CharitableTrust getTrust(RegionScope scope, long id) {
		return funds.findTrust(scope, id).orElseThrow(() -> BusinessException.notFound("charity.trust.unknown", id));
	}

	public List<CharitableTrust> trusts(CharityFilter filter) {
		return funds.trusts(filter);
	}

	private java.sql.Timestamp now() {
		return java.sql.Timestamp.from(clock.instant());
	}

	private static String actor() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}


}
