package org.wushe.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * The activity module's public API for photos (活动照片): add, list, serve and delete the photos of a record in the
 * user's scope. Photos are checked by their bytes (JPEG, PNG, WebP), limited in size and number, and stored without
 * their metadata. A photo of a record outside the scope answers as if it did not exist.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActivityPhotos {

	private final ActivityService activities;

	private final PhotoStore store;

	private final AuditTrail audit;

	private final Clock clock;

	/** Adds photos to a record in scope: all of them, or none when one fails its checks. */
	@Transactional
	public List<ActivityPhoto> add(RegionScope scope, long activityId, List<UploadedFile> uploads, String by) {
		Activity a = activities.get(scope, activityId);
		List<UploadRules.Accepted> checked = store.check(uploads, store.count(activityId));
		if (checked.isEmpty()) {
			throw InvalidInputException.of(PhotoStore.FIELD, "activity.error.photo-none");
		}
		store.insert(activityId, a.region(), checked, Instant.now(clock), by);
		audit.record("activity.photo.add", ActivityService.ENTITY, activityId, a.region());
		return store.list(activityId);
	}

	/** The size limit of one photo, as people read it ("5.0 MB"). */
	public String maxSize() {
		return store.maxSize();
	}

	public List<ActivityPhoto> list(RegionScope scope, long activityId) {
		activities.get(scope, activityId);
		return store.list(activityId);
	}

	/** The photo (or its thumbnail) of a record in scope. */
	public ActivityPhoto.File file(RegionScope scope, long activityId, long photoId, boolean thumbnail) {
		activities.get(scope, activityId);
		return store.file(activityId, photoId, thumbnail)
			.orElseThrow(() -> BusinessException.notFound("activity.error.photo-unknown", photoId));
	}

	@Transactional
	public void delete(RegionScope scope, long activityId, long photoId) {
		Activity a = activities.get(scope, activityId);
		if (!store.delete(activityId, photoId)) {
			throw BusinessException.notFound("activity.error.photo-unknown", photoId);
		}
		audit.record("activity.photo.delete", ActivityService.ENTITY, activityId, a.region());
	}

}
