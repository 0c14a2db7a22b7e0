package org.wushe.activity;

import java.time.Instant;

/** One photo of an activity, without its bytes; {@code contentType} was read from the bytes. */
public record ActivityPhoto(long id, long activityId, String fileName, String contentType, int sizeBytes,
		Instant createdAt, String createdBy) {

	/** The bytes of a photo (or its thumbnail), for serving it. */
	public record File(String fileName, String contentType, byte[] bytes) {
	}

}
