package org.wushe.actor.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.personal.CreditCode;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.OrganizationKind;
import org.wushe.personal.PhoneNumber;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.Page;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegistryService;
import org.wushe.actor.registry.RegistrySupport;
import org.wushe.region.Region;
import org.wushe.region.RegionScope;

/**
 * The social-organization registry: register and edit within the user's scope (credit code checked, a check-digit
 * mismatch kept as a warning), list and count in scope, reveal the contact phone with audit.
 */
@Service
public class OrganizationService extends RegistryService<Organization, OrganizationInput> {

	static final String ENTITY = "organization";

	private final Organizations organizations;

	OrganizationService(Organizations organizations, RegistrySupport support) {
		super(support, "actor.organization.unknown");
		this.organizations = organizations;
	}

	@Transactional
	public Organization register(OrganizationInput input, RegionScope scope) {
		Organizations.Values v = check(input, scope, null);
		long id = organizations.insert(v, writer.now(), writer.name());
		support.audited("organization.create", ENTITY, id, v.regionCode());
		return organizations.find(scope, id).orElseThrow();
	}

	@Transactional
	public Organization update(long id, OrganizationInput input, RegionScope scope) {
		get(scope, id);
		Organizations.Values v = check(input, scope, id);
		organizations.update(id, v, v.contactPhone() == null, writer.now(), writer.name());
		support.audited("organization.update", ENTITY, id, v.regionCode());
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
		Optional<Region> region = support.regions().check("regionCode", input.regionCode(), scope, null, c.errors());
		String rep = c.optional("legalRepresentative", input.legalRepresentative(), 50);
		String contact = c.optional("contactPerson", input.contactPerson(), 50);
		PhoneNumber phone = c.phone("contactPhone", input.contactPhone(), false);
		String address = c.optional("address", input.address(), 200);
		List<OrganizationDomain> domains = c.choices("serviceDomains", input.serviceDomains(), OrganizationDomain.class);
		OrganizationStatus status = c.choice("status", input.status(), OrganizationStatus.class, false);
		LocalDate registeredOn = c.date("registeredOn", input.registeredOn(), LocalDate.now(writer.clock()), false);
		c.throwIfAny();
		return new Organizations.Values(name, verdict.value(), verdict.warning(), kind,
				region.orElseThrow().code().value(), rep, contact, support.seal(phone),
				address, domains, status == null ? OrganizationStatus.ACTIVE : status, registeredOn);
	}

	public Optional<Organization> find(RegionScope scope, long id) {
		return organizations.find(scope, id);
	}

	public Page<Organization> list(ListQuery query) {
		return Page.of(organizations.list(query), query);
	}

	/** The id of the organization in scope with this credit code. */
	public Optional<Long> idByCreditCode(RegionScope scope, String creditCode) {
		return organizations.idByCreditCode(scope, creditCode);
	}

	/** Organizations (not deregistered) per child region and kind. */
	public RegionBreakdown.Result counts(RegionScope scope) {
		return support.counts(scope, organizations::countByKind);
	}

	/** An organization's full contact phone as the API answers it. */
	public record ContactPhone(Long id, String contactPhone) {
	}

	public ContactPhone fullPersonalData(CurrentUser viewer, long id) {
		return new ContactPhone(id, revealContactPhone(viewer, id).orElse(null));
	}

	/** The full contact phone, for a viewer allowed to see personal data; audited. */
	@Transactional
	public Optional<String> revealContactPhone(CurrentUser viewer, long id) {
		Organization o = get(viewer.scope(), id);
		return support.revealPhone(viewer, ENTITY, id, o.regionCode(),
				organizations.contactPhoneCipher(viewer.scope(), id));
	}

}
