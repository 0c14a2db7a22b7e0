package org.wushe.activity.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityService;
import org.wushe.region.RegionCode;

/** Activity records of a campaign: {@code /api/campaigns/{id}/activities} and {@code /api/activities/{id}}. */
@RestController
class ActivityApi {

	private final ActivityService activities;

	ActivityApi(ActivityService activities) {
		this.activities = activities;
	}

	@PostMapping("/api/campaigns/{campaignId}/activities")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('activity:record')")
	ActivityView record(@PathVariable long campaignId, @RequestBody ActivityInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return ActivityView.of(activities.record(user.scope(), campaignId, input, user.getUsername()));
	}

	@GetMapping("/api/campaigns/{campaignId}/activities")
	@PreAuthorize("hasAuthority('activity:view')")
	List<ActivityView> list(@PathVariable long campaignId, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		RegionCode within = region == null || region.isBlank() ? user.region() : RegionCode.parse(region);
		return activities.list(user.scope(), campaignId, within, offset, size)
			.stream()
			.map(ActivityView::of)
			.toList();
	}

	@GetMapping("/api/activities/{id}")
	@PreAuthorize("hasAuthority('activity:view')")
	ActivityView one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ActivityView.of(activities.get(user.scope(), id));
	}

	@PutMapping("/api/activities/{id}")
	@PreAuthorize("hasAuthority('activity:record')")
	ActivityView update(@PathVariable long id, @RequestBody ActivityInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return ActivityView.of(activities.update(user.scope(), id, input, user.getUsername()));
	}

	@DeleteMapping("/api/activities/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('activity:record')")
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		activities.delete(user.scope(), id);
	}

}
