package org.wushe.campaign;

import java.time.Instant;

/**
 * A file a reporting unit handed in with its activity summary (附件). {@code version} is the summary version it came
 * with (0 before the first text); {@code onTime} compares its upload with the summary deadline.
 */
public record SummaryAttachment(long id, long campaignId, String unitCode, int version, String fileName,
		String contentType, int sizeBytes, Instant uploadedAt, String uploadedBy, boolean onTime) {

	/** The bytes of an attachment, for download. */
	public record File(String fileName, String contentType, byte[] bytes) {
	}

}
