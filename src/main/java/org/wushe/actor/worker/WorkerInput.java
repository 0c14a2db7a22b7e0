package org.wushe.actor.worker;

import java.util.List;

/**
 * What a form, an API body or a workbook row says about a social worker. On edit, a blank ID number or phone keeps the
 * stored one. Posted sites are site ids.
 */
public record WorkerInput(String name, String gender, String idNumber, String phone, String qualification,
		String certificateNumber, String employerId, String regionCode, String post, String status,
		List<String> siteIds) {

	static WorkerInput empty(String regionCode) {
		return new WorkerInput("", "", "", "", "NONE", "", "", regionCode, "STATION_WORKER", "ACTIVE", List.of());
	}

	static WorkerInput of(SocialWorker w) {
		return new WorkerInput(w.name(), w.gender().name(), "", "", w.qualification().name(), w.certificateNumber(),
				w.employerId() == null ? "" : w.employerId().toString(), w.regionCode(), w.post().name(),
				w.status().name(), w.siteIds().stream().map(String::valueOf).toList());
	}

}
