package org.wushe.actor.community;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.personal.PhoneNumber;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.Page;
import org.wushe.actor.registry.RegistrySupport;
import org.wushe.actor.registry.Writer;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * Communities: the committee contact of a village-level region in scope, and its grassroots groups (registered or
 * not).
 */
@Service
public class CommunityService {

	static final String ENTITY = "community";

	private final Communities communities;

	private final OrganizationService organizations;

	private final RegistrySupport support;

	private final Writer writer;

	CommunityService(Communities communities, OrganizationService organizations, RegistrySupport support) {
		this.communities = communities;
		this.organizations = organizations;
		this.support = support;
		this.writer = support.writer();
	}

	/** Records a community; a village that has one already is refused. */
	@Transactional
	public Community create(CommunityInput input, RegionScope scope) {
		Communities.Values v = check(input, scope);
		if (communities.exists(v.regionCode())) {
			throw InvalidInputException.of("regionCode", "actor.community.exists", v.regionCode());
		}
		communities.insert(v, writer.now(), writer.name());
		support.audited("community.create", ENTITY, v.regionCode(), v.regionCode());
		return get(scope, v.regionCode());
	}

	@Transactional
	public Community update(String regionCode, CommunityInput input, RegionScope scope) {
		Community existing = get(scope, regionCode);
		CommunityInput same = new CommunityInput(existing.regionCode(), input.committeeName(), input.contactPerson(),
				input.contactPhone(), input.address(), input.households(), input.residents());
		Communities.Values v = check(same, scope);
		communities.update(v, writer.now(), writer.name());
		support.audited("community.update", ENTITY, v.regionCode(), v.regionCode());
		return get(scope, regionCode);
	}

	private Communities.Values check(CommunityInput input, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		Optional<Region> region = support.regions().check("regionCode", input.regionCode(), scope, RegionLevel.VILLAGE,
				c.errors());
		String committee = c.optional("committeeName", input.committeeName(), 100);
		String contact = c.optional("contactPerson", input.contactPerson(), 50);
		PhoneNumber phone = c.phone("contactPhone", input.contactPhone(), false);
		String address = c.optional("address", input.address(), 200);
		Integer households = c.integer("households", input.households(), 0, 1_000_000, false);
		Integer residents = c.integer("residents", input.residents(), 0, 10_000_000, false);
		c.throwIfAny();
		return new Communities.Values(region.orElseThrow().code().value(), committee, contact,
				support.seal(phone), address, households, residents);
	}

	public Community get(RegionScope scope, String regionCode) {
		String code = RegionCode.isValid(regionCode) ? RegionCode.parse(regionCode).value() : "";
		return communities.find(scope, code)
			.orElseThrow(() -> BusinessException.notFound("actor.community.unknown", regionCode));
	}

	public Page<Community> list(ListQuery query) {
		return Page.of(communities.list(query), query);
	}

	/** Every community matching the filters, streamed for exports; close the stream, inside a transaction. */
	Stream<Communities.Exported> stream(ListQuery query) {
		return communities.stream(query);
	}

	public List<GrassrootsGroup> groups(RegionScope scope, String regionCode) {
		return communities.groups(get(scope, regionCode).regionCode());
	}

	@Transactional
	public GrassrootsGroup addGroup(RegionScope scope, String regionCode, GroupInput input) {
		Community community = get(scope, regionCode);
		FieldChecks c = new FieldChecks();
		String name = c.required("name", input.name(), 200);
		GroupKind kind = c.choice("kind", input.kind(), GroupKind.class, true);
		boolean registered = "true".equalsIgnoreCase(input.registered()) || "on".equalsIgnoreCase(input.registered());
		Long organizationId = null;
		if (input.organizationId() != null && !input.organizationId().isBlank()) {
			try {
				organizationId = Long.parseLong(input.organizationId().strip());
				if (organizations.find(scope, organizationId).isEmpty()) {
					c.add("organizationId", "actor.worker.employer-unknown", input.organizationId().strip());
					organizationId = null;
				}
			}
			catch (NumberFormatException ex) {
				c.add("organizationId", "actor.worker.employer-unknown", input.organizationId().strip());
			}
		}
		if (organizationId != null && !registered) {
			registered = true;
		}
		String leader = c.optional("leader", input.leader(), 50);
		Integer members = c.integer("members", input.members(), 0, 100_000, false);
		String activities = c.optional("activities", input.activities(), 500);
		GroupStatus status = c.choice("status", input.status(), GroupStatus.class, false);
		c.throwIfAny();
		long id = communities.insertGroup(community.regionCode(),
				new Communities.GroupValues(name, kind, registered, organizationId, leader, members, activities,
						status == null ? GroupStatus.ACTIVE : status),
				writer.now(), writer.name());
		support.audited("community.group-create", "grassroots-group", id, community.regionCode());
		return communities.groups(community.regionCode())
			.stream()
			.filter(g -> g.id() == id)
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	public Optional<String> revealPhone(CurrentUser viewer, String regionCode) {
		Community community = get(viewer.scope(), regionCode);
		return support.revealPhone(viewer, ENTITY, community.regionCode(), community.regionCode(),
				communities.phoneCipher(viewer.scope(), community.regionCode()));
	}

}
