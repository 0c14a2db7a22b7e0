package org.wushe.campaign.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;
import org.wushe.campaign.Deadline;

/** Shows instants in Beijing time in templates: {@code ${@campaignTimes.minute(instant)}}. */
@Component("campaignTimes")
class CampaignTimes {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public String minute(Instant instant) {
		return instant == null ? "-" : MINUTE.format(instant.atZone(Deadline.ZONE));
	}

	public String second(Instant instant) {
		return instant == null ? "-" : SECOND.format(instant.atZone(Deadline.ZONE));
	}

}
