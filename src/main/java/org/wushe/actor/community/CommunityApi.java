package org.wushe.actor.community;

import java.util.List;

import lombok.RequiredArgsConstructor;
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
import org.wushe.region.ListQuery;
import org.wushe.region.RegionInput;

/** {@code /api/communities}: communities (village-level regions) and their grassroots groups, within scope. */
@RestController
@RequestMapping("/api/communities")
@Tag(name = "communities", description = "Communities and their grassroots groups in the caller's region scope")
@RequiredArgsConstructor
class CommunityApi {

	record ContactPhone(String regionCode, String contactPhone) {
	}

	private final CommunityService communities;

	private final RegionInput regions;

	@GetMapping
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "List communities in scope (within, q = village or committee name; offset/size)")
	List<Community> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return communities.list(new ListQuery(regions.narrow(user.scope(), within), q, "", "", offset, size)).rows();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Record a community", description = """
			regionCode must be a village-level region in scope; committeeName, contactPerson, contactPhone, address, \
			households, residents are optional.""")
	Community create(@RequestBody CommunityInput input, @AuthenticationPrincipal CurrentUser user) {
		return communities.create(input, user.scope());
	}

	@GetMapping("/{code}")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "One community in scope (404 outside)")
	Community one(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return communities.get(user.scope(), code);
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Edit a community's committee contact (a blank contactPhone keeps the stored one)")
	Community update(@PathVariable String code, @RequestBody CommunityInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return communities.update(code, input, user.scope());
	}

	@GetMapping("/{code}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "The full committee phone (needs personal-data:view; audited)")
	ContactPhone phone(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return new ContactPhone(code, communities.revealPhone(user, code).orElse(null));
	}

	@GetMapping("/{code}/groups")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "Grassroots groups of a community")
	List<GrassrootsGroup> groups(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return communities.groups(user.scope(), code);
	}

	@PostMapping("/{code}/groups")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Add a grassroots group", description = """
			Required: name, kind (PUBLIC_WELFARE | LIFE_SERVICE | CULTURE_SPORTS | MEDIATION | OTHER). registered \
			(true/false; an organizationId in scope implies true), leader, members, activities, status optional.""")
	GrassrootsGroup addGroup(@PathVariable String code, @RequestBody GroupInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return communities.addGroup(user.scope(), code, input);
	}

}
