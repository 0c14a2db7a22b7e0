package org.wushe.campaign.web;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.wushe.campaign.Deadline;
import org.wushe.shared.DateText;

/** Shows instants in Beijing time in templates: {@code ${@campaignTimes.minute(instant)}}. */
@Component("campaignTimes")
class CampaignTimes {

	public String minute(Instant instant) {
		return instant == null ? "-" : DateText.MINUTE.format(instant.atZone(Deadline.ZONE));
	}

	public String second(Instant instant) {
		return instant == null ? "-" : DateText.SECOND.format(instant.atZone(Deadline.ZONE));
	}

}
