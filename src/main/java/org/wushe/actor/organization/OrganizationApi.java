package org.wushe.actor.organization;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegionInput;

/** {@code /api/organizations}: the social-organization registry within the caller's scope. */
@RestController
@RequestMapping("/api/organizations")
@Tag(name = "organizations", description = "Social organizations in the caller's region scope")
class OrganizationApi {

	record ContactPhone(Long id, String contactPhone) {
	}

	private final OrganizationService organizations;

	private final RegionInput regions;

	OrganizationApi(OrganizationService organizations, RegionInput regions) {
		this.organizations = organizations;
		this.regions = regions;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "List organizations in scope", description = """
			Filters: within (region code, default the caller's region; outside the scope answers 404), q (name, \
			pinyin initials, exact credit code or exact contact phone), kind, status; offset/size (at most 500). \
			Contact phones are masked.""")
	List<Organization> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		ListQuery query = new ListQuery(regions.narrow(user.scope(), within), q, kind, status, offset, size);
		return organizations.list(query).rows();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Register an organization", description = """
			Required: name, creditCode (GB 32100-2015), kind (SOCIAL_WORK_AGENCY | INDUSTRY_ASSOCIATION | FOUNDATION \
			| COMMUNITY_GROUP | OTHER), regionCode (in scope). A credit code failing only its final check character \
			is accepted with creditCodeWarning = true.""")
	Organization create(@RequestBody OrganizationInput input, @AuthenticationPrincipal CurrentUser user) {
		return organizations.register(input, user.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "One organization in scope (404 outside)")
	Organization one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return organizations.get(user.scope(), id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Edit an organization in scope", description = "A blank contactPhone keeps the stored one.")
	Organization update(@PathVariable long id, @RequestBody OrganizationInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return organizations.update(id, input, user.scope());
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "The full contact phone (needs personal-data:view; every read is audited)")
	ContactPhone personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return new ContactPhone(id, organizations.revealContactPhone(user, id).orElse(null));
	}

	@GetMapping("/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "Organizations (not deregistered) per child region and kind")
	RegionBreakdown.Result counts(@RequestParam(required = false) String within,
			@AuthenticationPrincipal CurrentUser user) {
		return organizations.counts(regions.narrow(user.scope(), within));
	}

}
