package org.wushe.activity.web;

import java.time.Instant;

import org.wushe.activity.ActivityPhoto;

/** A photo of an activity as the API shows it, with the addresses of the image and its thumbnail. */
record PhotoView(long id, long activityId, String fileName, String contentType, int sizeBytes, Instant createdAt,
		String createdBy, String url, String thumbnailUrl) {

	static PhotoView of(ActivityPhoto p) {
		String url = "/activities/" + p.activityId() + "/photos/" + p.id();
		return new PhotoView(p.id(), p.activityId(), p.fileName(), p.contentType(), p.sizeBytes(), p.createdAt(),
				p.createdBy(), url, url + "/thumbnail");
	}

}
