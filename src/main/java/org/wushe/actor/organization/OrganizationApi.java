package org.wushe.actor.organization;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionInput;
import org.wushe.actor.registry.RegistryApi;

/** {@code /api/organizations}: the social-organization registry within the caller's scope. */
@RestController
@RequestMapping("/api/organizations")
@Tag(name = "organizations", description = """
		Social organizations in the caller's region scope. List: q (name, pinyin initials, exact credit code or exact \
		contact phone), kind, status; contact phones are masked. Register: required name, creditCode \
		(GB 32100-2015), kind (SOCIAL_WORK_AGENCY | INDUSTRY_ASSOCIATION | FOUNDATION | COMMUNITY_GROUP | OTHER), \
		regionCode (in scope); a credit code failing only its final check character is accepted with \
		creditCodeWarning = true. Edit: a blank contactPhone keeps the stored one. Counts: organizations (not \
		deregistered) per child region and kind.""")
class OrganizationApi extends RegistryApi<Organization, OrganizationInput> {

	private final OrganizationService organizations;

	OrganizationApi(OrganizationService organizations, RegionInput regions) {
		super(organizations, regions);
		this.organizations = organizations;
	}

}
