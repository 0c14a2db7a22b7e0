package org.wushe.actor.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.personal.CreditCode;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.OrganizationKind;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.Page;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegionInput;
import org.wushe.actor.registry.Registry;
import org.wushe.actor.registry.Writer;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * The social-organization registry: register and edit within the user's scope (credit code checked, a check-digit
 * mismatch kept as a warning), list and count in scope, reveal the contact phone with audit.
 */
@Service
public class OrganizationService implements Registry<Organization, OrganizationInput> {

	static final String ENTITY = "organization";

	private final Organizations organizations;

	private final RegionInput regions;

	private final RegionBreakdown breakdown;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final Writer writer;

	OrganizationService(Organizations organizations, RegionInput regions, RegionBreakdown breakdown,
			PersonalData personalData, AuditTrail audit, Writer writer) {
		this.organizations = organizations;
		this.regions = regions;
		this.breakdown = breakdown;
		this.personalData = personalData;
		this.audit = audit;
		this.writer = writer;
	}

	@Transactional
	public Organization register(OrganizationInput input, RegionScope scope) {
		Organizations.Values v = check(input, scope, null);
		long id = organizations.insert(v, writer.now(), writer.name());
		audit.record("organization.create", ENTITY, id, RegionCode.parse(v.regionCode()));
		return organizations.find(scope, id).orElseThrow();
	}

	@Transactional
	public Organization update(long id, OrganizationInput input, RegionScope scope) {
		get(scope, id);
		Organizations.Values v = check(input, scope, id);
		organizations.update(id, v, v.contactPhone() == null, writer.now(), writer.name());
		audit.record("organization.update", ENTITY, id, RegionCode.parse(v.regionCode()));
		return get(scope, id);
	}

	/** Checks every field; used by forms, the API and imports. */
	Organizations.Values check(OrganizationInput input, RegionScope scope, Long existingId) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", input.name(), 200);
		CreditCode.Verdict verdict = CreditCode.check(input.creditCode());
		if (!verdict.acceptable()) {
			c.add("creditCode", verdict.errorKey());
		}
		else if (organizations.creditCodeTaken(verdict.value(), existingId)) {
			c.add("creditCode", "actor.credit-code.taken", verdict.value());
		}
		OrganizationKind kind = c.choice("kind", input.kind(), OrganizationKind.class, true);
		Optional<Region> region = regions.check("regionCode", input.regionCode(), scope, null, c.errors());
		String rep = c.optional("legalRepresentative", input.legalRepresentative(), 50);
		String contact = c.optional("contactPerson", input.contactPerson(), 50);
		PhoneNumber phone = c.phone("contactPhone", input.contactPhone(), false);
		String address = c.optional("address", input.address(), 200);
		List<OrganizationDomain> domains = c.choices("serviceDomains", input.serviceDomains(), OrganizationDomain.class);
		OrganizationStatus status = c.choice("status", input.status(), OrganizationStatus.class, false);
		LocalDate registeredOn = c.date("registeredOn", input.registeredOn(), LocalDate.now(writer.clock()), false);
		c.throwIfAny();
		return new Organizations.Values(name, verdict.value(), verdict.warning(), kind,
				region.orElseThrow().code().value(), rep, contact, phone == null ? null : personalData.seal(phone),
				address, domains, status == null ? OrganizationStatus.ACTIVE : status, registeredOn);
	}

	public Optional<Organization> find(RegionScope scope, long id) {
		return organizations.find(scope, id);
	}

	/** The organization in scope, or 404 as if it did not exist. */
	public Organization get(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("actor.organization.unknown", id));
	}

	public Page<Organization> list(ListQuery query) {
		return Page.of(organizations.list(query), query.size(), query.offset() / query.size());
	}

	/** The id of the organization in scope with this credit code. */
	public Optional<Long> idByCreditCode(RegionScope scope, String creditCode) {
		return organizations.idByCreditCode(scope, creditCode);
	}

	/** Organizations (not deregistered) per child region and kind. */
	public RegionBreakdown.Result counts(RegionScope scope) {
		return breakdown.of(scope.root(), organizations.countByKind(scope, breakdown.childLength(scope.root())));
	}

	/** The full contact phone, for a viewer allowed to see personal data; audited. */
	@Transactional
	public Optional<String> revealContactPhone(CurrentUser viewer, long id) {
		Organization o = get(viewer.scope(), id);
		Optional<String> cipher = organizations.contactPhoneCipher(viewer.scope(), id);
		if (cipher.isEmpty()) {
			return Optional.empty();
		}
		Map<PersonalData.Kind, String> plain = personalData.reveal(viewer, ENTITY, id, RegionCode.parse(o.regionCode()),
				Map.of(PersonalData.Kind.PHONE, cipher.get()));
		return Optional.ofNullable(plain.get(PersonalData.Kind.PHONE));
	}

}
