package org.wushe.activity.web;

import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.activity.Activity;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityPhoto;
import org.wushe.activity.ActivityPhotos;
import org.wushe.activity.ActivityService;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;
import org.wushe.shared.upload.Downloads;
import org.wushe.shared.upload.UploadedFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Activity records of a campaign: {@code /api/campaigns/{id}/activities} and {@code /api/activities/{id}}, and their
 * photos: {@code /api/campaigns/{id}/activities/{activityId}/photos}.
 */
@RestController
@RequiredArgsConstructor
class ActivityApi {

	private final ActivityService activities;

	private final ActivityPhotos photos;

	@PostMapping("/api/campaigns/{campaignId}/activities")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('activity:record')")
	@Operation(summary = "Record an activity (a row of the progress table)",
			description = "organizationIds optionally links registered social organizations in the caller's scope; "
					+ "an unknown or out-of-scope id is refused with 400 naming the field.")
	ActivityView record(@PathVariable long campaignId, @RequestBody ActivityInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return single(activities.record(user.scope(), campaignId, input, user.getUsername()), user);
	}

	@GetMapping("/api/campaigns/{campaignId}/activities")
	@PreAuthorize("hasAuthority('activity:view')")
	List<ActivityView> list(@PathVariable long campaignId, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		RegionCode within = user.within(region, "region");
		List<Activity> rows = activities.list(user.scope(), campaignId, within, offset, size);
		Map<Long, List<Long>> links = activities.organizationIds(rows);
		return rows.stream().map(a -> ActivityView.listed(a, links.getOrDefault(a.id(), List.of()))).toList();
	}

	@GetMapping("/api/activities/{id}")
	@PreAuthorize("hasAuthority('activity:view')")
	ActivityView one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return single(activities.get(user.scope(), id), user);
	}

	@PutMapping("/api/activities/{id}")
	@PreAuthorize("hasAuthority('activity:record')")
	@Operation(summary = "Change an activity",
			description = "Without organizationIds the links stay as they are; an empty list removes them.")
	ActivityView update(@PathVariable long id, @RequestBody ActivityInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return single(activities.update(user.scope(), id, input, user.getUsername()), user);
	}

	@DeleteMapping("/api/activities/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('activity:record')")
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		activities.delete(user.scope(), id);
	}

	@PostMapping(path = "/api/campaigns/{campaignId}/activities/{activityId}/photos",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('activity:record')")
	@Operation(summary = "Add photos to an activity",
			description = "Multipart field photos, one or more files. JPEG, PNG or WebP, recognised by their bytes; "
					+ "each at most wushe.activity.photo-max-size (5 MB), at most wushe.activity.photo-max-count (20) "
					+ "per activity. EXIF (GPS) and other metadata are removed before storing. All or nothing: "
					+ "one bad file refuses the request with 400 naming the field and the file. Answers all photos.")
	List<PhotoView> addPhotos(@PathVariable long campaignId, @PathVariable long activityId,
			@Parameter(description = "the photo files") @RequestPart(name = "photos", required = false)
			List<MultipartFile> files, @AuthenticationPrincipal CurrentUser user) {
		requireCampaign(user, campaignId, activityId);
		return photos.add(user.scope(), activityId, UploadedFile.all(files), user.getUsername())
			.stream()
			.map(PhotoView::of)
			.toList();
	}

	@GetMapping("/api/campaigns/{campaignId}/activities/{activityId}/photos")
	@PreAuthorize("hasAuthority('activity:view')")
	List<PhotoView> photos(@PathVariable long campaignId, @PathVariable long activityId,
			@AuthenticationPrincipal CurrentUser user) {
		requireCampaign(user, campaignId, activityId);
		return photos.list(user.scope(), activityId).stream().map(PhotoView::of).toList();
	}

	@GetMapping("/api/campaigns/{campaignId}/activities/{activityId}/photos/{photoId}")
	@PreAuthorize("hasAuthority('activity:view')")
	@Operation(summary = "One photo's image (cleaned of metadata); ?thumbnail=true for the small copy")
	ResponseEntity<byte[]> photo(@PathVariable long campaignId, @PathVariable long activityId,
			@PathVariable long photoId, @RequestParam(defaultValue = "false") boolean thumbnail,
			@AuthenticationPrincipal CurrentUser user) {
		requireCampaign(user, campaignId, activityId);
		ActivityPhoto.File f = photos.file(user.scope(), activityId, photoId, thumbnail);
		return Downloads.inline(f.fileName(), f.contentType(), f.bytes());
	}

	@DeleteMapping("/api/campaigns/{campaignId}/activities/{activityId}/photos/{photoId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('activity:record')")
	void deletePhoto(@PathVariable long campaignId, @PathVariable long activityId, @PathVariable long photoId,
			@AuthenticationPrincipal CurrentUser user) {
		requireCampaign(user, campaignId, activityId);
		photos.delete(user.scope(), activityId, photoId);
	}

	private void requireCampaign(CurrentUser user, long campaignId, long activityId) {
		if (activities.get(user.scope(), activityId).campaignId() != campaignId) {
			throw BusinessException.notFound("activity.error.unknown", activityId);
		}
	}

	private ActivityView single(Activity a, CurrentUser user) {
		return ActivityView.single(a, activities.organizations(user.scope(), a.id()));
	}

}
