package org.wushe.actor.worker;

import java.time.Instant;
import java.util.List;

import org.wushe.actor.Gender;
import org.wushe.actor.Qualification;

/**
 * A social worker as lists, details and the API show them: ID number and phone only ever masked.
 */
public record SocialWorker(long id, String name, Gender gender, String idNumber, String phone,
		Qualification qualification, String certificateNumber, Long employerId, String employerName,
		String regionCode, String regionName, WorkerPost post, WorkerStatus status, List<Long> siteIds,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	SocialWorker withSiteIds(List<Long> ids) {
		return new SocialWorker(id, name, gender, idNumber, phone, qualification, certificateNumber, employerId,
				employerName, regionCode, regionName, post, status, List.copyOf(ids), createdAt, createdBy, updatedAt,
				updatedBy);
	}

}
