package org.wushe.campaign.web;

import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
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
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;

import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code /api/campaigns}: create (also local campaigns, with {@code parentId}), change, list and read campaigns in
 * scope.
 */
@RestController
@RequestMapping("/api/campaigns")
@RequiredArgsConstructor
class CampaignApi {

	private final CampaignService campaigns;

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('campaign:manage')")
	Map<String, Long> create(@RequestBody CampaignInput input, @AuthenticationPrincipal CurrentUser user) {
		return Map.of("id", campaigns.create(user.scope(), input, user.getUsername()));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('campaign:manage')")
	CampaignView update(@PathVariable long id, @RequestBody CampaignInput input,
			@AuthenticationPrincipal CurrentUser user) {
		campaigns.update(user.scope(), id, input, user.getUsername());
		return CampaignView.of(campaigns.get(user.scope(), id));
	}

	@GetMapping
	@PreAuthorize("hasAuthority('campaign:view')")
	List<CampaignView> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return campaigns.list(user.scope(), offset, size).stream().map(CampaignView::of).toList();
	}

	record ContactPhone(long id, String contactPhone) {
	}

	@GetMapping("/{id}/contact-phone")
	@PreAuthorize("hasAuthority('campaign:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "A campaign's full contact phone (needs personal-data:view; every read is audited)")
	ContactPhone contactPhone(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return new ContactPhone(id, campaigns.revealContactPhone(user, id));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('campaign:view')")
	CampaignView one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return CampaignView.of(campaigns.get(user.scope(), id));
	}

}
