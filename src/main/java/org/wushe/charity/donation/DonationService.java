package org.wushe.charity.donation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.personal.CreditCode;
import org.wushe.personal.FieldChecks;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.audit.AuditTrail;
import org.wushe.charity.DonationKind;
import org.wushe.charity.DonorKind;
import org.wushe.charity.fund.Fund;
import org.wushe.charity.fund.FundService;
import org.wushe.region.ListQuery;
import org.wushe.charity.support.CharityRegions;
import org.wushe.charity.support.MoneyTotals;
import org.wushe.region.Region;
import org.wushe.region.RegionScope;
import org.wushe.site.SiteService;
import org.wushe.shared.BusinessException;
import org.wushe.shared.Money;

/**
 * Donors and donations within the user's scope: money or in kind (valued, with basis and valuer), to a site, a fund
 * (matched by its rule) or the region; totals per region.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DonationService {

	static final BigDecimal MAX_MONEY = Money.MAX_YUAN;

	static final List<String> TOTALS = List.of("money", "inKind", "matched", "donations", "trusts", "trustCount");

	private final Donations donations;

	private final FundService funds;

	private final CharityRegions regions;

	private final MoneyTotals totals;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final Clock clock;

	private final SiteService sites;

	@Transactional
	public Donation record(DonationInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		Optional<Region> region = regions.check(c, "regionCode", input.regionCode(), scope);
		Donor existing = null;
		if (input.donorId() != null && !input.donorId().isBlank()) {
			existing = parseId(c, "donorId", input.donorId()).flatMap(id -> donations.findDonor(scope, id))
				.orElse(null);
			if (existing == null && c.errors().stream().noneMatch(e -> e.field().equals("donorId"))) {
				c.add("donorId", "charity.donor.unknown", input.donorId().strip());
			}
		}
		DonorKind donorKind = null;
		String donorName = null;
		PhoneNumber donorPhone = null;
		String donorCode = null;
		if (existing == null && (input.donorId() == null || input.donorId().isBlank())) {
			donorKind = c.choice("donorKind", input.donorKind(), DonorKind.class, true);
			donorName = c.required("donorName", input.donorName(), 200);
			donorPhone = c.phone("donorPhone", input.donorPhone(), false);
			donorCode = creditCode(c, "donorCreditCode", input.donorCreditCode());
		}
		DonationKind kind = c.choice("kind", input.kind(), DonationKind.class, true);
		BigDecimal amount = null;
		String item = null;
		BigDecimal quantity = null;
		String unit = null;
		BigDecimal valuation = null;
		String basis = null;
		String valuedBy = null;
		if (kind == DonationKind.MONEY) {
			amount = c.yuan("amount", input.amount(), new BigDecimal("0.01"), true);
		}
		else if (kind == DonationKind.IN_KIND) {
			item = c.required("itemDescription", input.itemDescription(), 200);
			quantity = c.decimal("quantity", input.quantity(), new BigDecimal("0.01"), MAX_MONEY, 2, true);
			unit = c.optional("unit", input.unit(), 20);
			valuation = c.yuan("valuation", input.valuation(), BigDecimal.ZERO, true);
			basis = c.required("valuationBasis", input.valuationBasis(), 200);
			valuedBy = c.required("valuedBy", input.valuedBy(), 100);
		}
		Long siteId = parseId(c, "siteId", input.siteId()).orElse(null);
		Long fundId = parseId(c, "fundId", input.fundId()).orElse(null);
		Fund fund = null;
		if (siteId != null && fundId != null) {
			c.add("fundId", "charity.donation.site-or-fund");
		}
		else if (siteId != null && sites.find(siteId, scope).isEmpty()) {
			c.add("siteId", "charity.site.unknown", String.valueOf(siteId));
		}
		else if (fundId != null) {
			fund = funds.findFund(scope, fundId).orElse(null);
			if (fund == null) {
				c.add("fundId", "charity.fund.unknown", fundId);
			}
		}
		LocalDate receivedOn = c.date("receivedOn", input.receivedOn(), LocalDate.now(clock), true);
		String note = c.optional("note", input.note(), 500);
		c.throwIfAny();
		String regionCode = region.orElseThrow().code().value();
		long donorId;
		if (existing != null) {
			donorId = existing.id();
		}
		else {
			donorId = donations.insertDonor(donorKind, donorName, regionCode, donorCode, null,
					donorPhone == null ? null : personalData.seal(donorPhone), now(), actor());
			audit.record("donor.create", "donor", donorId, region.get().code());
		}
		BigDecimal total = kind == DonationKind.MONEY ? amount : valuation;
		BigDecimal matched = fund == null ? BigDecimal.ZERO.setScale(2) : funds.match(fund, total);
		long id = donations.insert(new Donations.Values(donorId, regionCode, kind, amount, item, quantity, unit,
				valuation, basis, valuedBy, total, siteId, fundId, matched, receivedOn, note), now(), actor());
		audit.record("donation.create", "donation", id, region.get().code());
		return get(scope, id);
	}

	@Transactional
	public Donor createDonor(DonorInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		DonorKind kind = c.choice("kind", input.kind(), DonorKind.class, true);
		String name = c.required("name", input.name(), 200);
		Optional<Region> region = regions.check(c, "regionCode", input.regionCode(), scope);
		String code = creditCode(c, "creditCode", input.creditCode());
		String contact = c.optional("contactPerson", input.contactPerson(), 50);
		PhoneNumber phone = c.phone("phone", input.phone(), false);
		c.throwIfAny();
		long id = donations.insertDonor(kind, name, region.orElseThrow().code().value(), code, contact,
				phone == null ? null : personalData.seal(phone), now(), actor());
		audit.record("donor.create", "donor", id, region.get().code());
		return donations.findDonor(scope, id).orElseThrow();
	}

	private static String creditCode(FieldChecks c, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		CreditCode.Verdict verdict = CreditCode.check(text);
		if (!verdict.acceptable()) {
			c.add(field, verdict.errorKey());
			return null;
		}
		return verdict.value();
	}

	private static Optional<Long> parseId(FieldChecks c, String field, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			long id = Long.parseLong(text.strip());
			if (id > 0) {
				return Optional.of(id);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		c.add(field, "charity.input.id", text.strip());
		return Optional.empty();
	}

	public Donation get(RegionScope scope, long id) {
		return donations.find(scope, id).orElseThrow(() -> BusinessException.notFound("charity.donation.unknown", id));
	}

	public List<Donation> list(ListQuery filter) {
		return donations.list(filter);
	}

	Stream<Donation> stream(ListQuery filter) {
		return donations.stream(filter);
	}

	public List<Donor> donors(ListQuery filter) {
		return donations.donors(filter);
	}

	/** Every donor matching the filter, streamed for exports; close the stream, inside a transaction. */
	Stream<Donations.ExportedDonor> streamDonors(ListQuery filter) {
		return donations.streamDonors(filter);
	}

	public Donor donor(RegionScope scope, long id) {
		return donations.findDonor(scope, id).orElseThrow(() -> BusinessException.notFound("charity.donor.unknown", id));
	}

	/** Money, in-kind valuation, matched amounts, number of donations and trusts per child region. */
	public MoneyTotals.Result totals(RegionScope scope) {
		return totals.of(scope.root(), donations.totals(scope, scope.root().childCodeLength()), TOTALS);
	}

	/** The donor's full phone for a viewer allowed to see personal data; audited. */
	@Transactional
	public Optional<String> revealDonorPhone(CurrentUser viewer, long donorId) {
		Donor donor = donor(viewer.scope(), donorId);
		Optional<String> cipher = donations.donorPhoneCipher(donorId);
		if (cipher.isEmpty()) {
			return Optional.empty();
		}
		return Optional.ofNullable(personalData
			.reveal(viewer, "donor", donorId, org.wushe.region.RegionCode.parse(donor.regionCode()),
					Map.of(PersonalData.Kind.PHONE, cipher.get()))
			.get(PersonalData.Kind.PHONE));
	}

	private java.sql.Timestamp now() {
		return java.sql.Timestamp.from(clock.instant());
	}

	private static String actor() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

}
