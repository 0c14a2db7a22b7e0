package org.wushe.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.shared.DemoDates;

/**
 * Demo data of the embedded default ({@code wushe.demo.enabled=true}), once the region tree is there: the campaigns of
 * {@code demo/campaigns.csv} with their lists, then (after other modules have added their seed records) the progress
 * reports and summaries of {@code demo/reports-<seed>.csv} and {@code demo/summaries-<seed>.csv}, replayed at their
 * historical times, so that the demo's own clock shows reports on time, late, returned and missing. The files may
 * give dates relative to today ({@link DemoDates}): such a campaign runs now on whatever day the demo is created.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CampaignDemo {

	private static final Logger log = LoggerFactory.getLogger(CampaignDemo.class);

	private static final RegionScope EVERYWHERE = new RegionScope(RegionCode.COUNTRY);

	private static final String ACTOR = "demo";

	@Value("${wushe.demo.enabled:false}")
	private final boolean enabled;

	private final CampaignService campaigns;

	private final ProgressReports reports;

	private final CampaignSummaries summaries;

	private final ApplicationEventPublisher events;

	@EventListener
	void onRegionTreeLoaded(RegionTreeLoaded loaded) {
		if (!enabled) {
			return;
		}
		for (String[] c : rows("demo/campaigns.csv")) {
			seed(c);
		}
	}

	/** Columns: seed, region, reporting level, start, end, deadlines (|), summary deadline, contact, name, theme, title. */
	private void seed(String[] c) {
		String seed = c[0];
		RegionCode region = RegionCode.parse(c[1]);
		String name = c[10];
		if (campaigns.findIdByName(region, name).isPresent()) {
			return;
		}
		List<String> contents = new ArrayList<>();
		List<String> forms = new ArrayList<>();
		for (String[] item : rows("demo/campaign-items.csv")) {
			if (item[0].equals(seed)) {
				("FORM".equals(item[1]) ? forms : contents).add(item[2]);
			}
		}
		long id = campaigns.create(EVERYWHERE, new CampaignInput(null, name, c[11], c[1], Integer.valueOf(c[2]), c[3], c[4],
				Arrays.asList(c[5].split("\\|")), c[6], c[12], contents, forms, c[7], c[8], c[9]), ACTOR);
		events.publishEvent(new CampaignSeeded(id, seed));
		int replayed = 0;
		for (String[] r : rows("demo/reports-" + seed + ".csv")) {
			RegionCode unit = RegionCode.parse(r[0]);
			int deadline = Integer.parseInt(r[1]);
			Instant at = Deadline.parseInstant(r[3]);
			if ("RETURN".equals(r[2])) {
				reports.returnAt(EVERYWHERE, id, deadline, unit, r[6], ACTOR, at);
			}
			else {
				reports.submitAt(EVERYWHERE, id, deadline, unit, r[4], r[5], ACTOR, at);
			}
			replayed++;
		}
		for (String[] s : rows("demo/summaries-" + seed + ".csv")) {
			summaries.submitAt(EVERYWHERE, id, RegionCode.parse(s[0]), s[2], ACTOR, Deadline.parseInstant(s[1]));
		}
		log.info("Demo campaign {} created with {} report events", seed, replayed);
	}

	/** The data rows of a demo CSV file, dates relative to today resolved; none when the file does not exist. */
	static List<String[]> rows(String path) {
		return DemoDates.rows(path, LocalDate.now(Deadline.ZONE));
	}

}
