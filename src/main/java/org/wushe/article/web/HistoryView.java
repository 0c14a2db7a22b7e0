package org.wushe.article.web;

import java.time.Instant;
import java.util.List;

import org.wushe.article.HistoryEntry;
import org.wushe.shared.Texts;

/** One step of the history as the API shows it. */
record HistoryView(Instant at, String step, String actor, String actorName, String actorRegion,
		String actorRegionName, String status, String stageCode, String reviewCode, String comment,
		List<FindingView> findings) {

	static HistoryView of(HistoryEntry e, Texts texts) {
		return new HistoryView(e.at(), e.step().name(), e.actor(), e.actorName(), e.actorRegion().value(),
				e.actorRegionName(), e.status().name(), e.stage().value(), e.review().value(), e.comment(),
				e.findings().stream().map(f -> FindingView.of(f, texts)).toList());
	}

}
