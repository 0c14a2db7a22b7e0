package org.wushe.actor;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wushe.actor.organization.Organization;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.actor.organization.OrganizationStatus;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionScope;

/**
 * The actor module's public API for naming registered social organizations from other modules (e.g. the units of an
 * activity): search by name or pinyin initials, and look one up, always within the caller's scope.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OrganizationDirectory {

	/** A registered organization as other modules name it. */
	public record Entry(long id, String name, String regionCode, String regionName) {
	}

	private final OrganizationService organizations;

	/** Organizations in scope, not deregistered, whose name or pinyin initials contain {@code text}; newest first. */
	public List<Entry> search(RegionScope scope, String text, int limit) {
		ListQuery query = new ListQuery(scope, text, "", "", 0, Math.min(Math.max(limit, 1), 50) * 2);
		return organizations.list(query)
			.rows()
			.stream()
			.filter(o -> o.status() != OrganizationStatus.DEREGISTERED)
			.limit(Math.min(Math.max(limit, 1), 50))
			.map(OrganizationDirectory::entry)
			.toList();
	}

	/** The organization if it lies in the scope. */
	public Optional<Entry> find(RegionScope scope, long id) {
		return organizations.find(scope, id).map(OrganizationDirectory::entry);
	}

	private static Entry entry(Organization o) {
		return new Entry(o.id(), o.name(), o.regionCode(), o.regionName());
	}

}
