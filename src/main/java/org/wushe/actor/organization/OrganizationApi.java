package org.wushe.actor.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.actor.registry.RegionInput;
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

	record ContactPhone(Long id, String contactPhone) {
	}

	private final OrganizationService organizations;

	OrganizationApi(OrganizationService organizations, RegionInput regions) {
		super(organizations, regions);
		this.organizations = organizations;
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "The full contact phone (needs personal-data:view; every read is audited)")
	ContactPhone personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return new ContactPhone(id, organizations.revealContactPhone(user, id).orElse(null));
	}

}
