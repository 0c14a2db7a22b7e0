package org.wushe.article;

import java.time.Instant;
import java.util.List;

import org.wushe.region.RegionCode;

/**
 * One step of an article's history: who did what from which region, when, with which comment, and where the article
 * stood afterwards. A submission carries the warnings of the check it was made with.
 */
public record HistoryEntry(long id, Instant at, ArticleStep step, String actor, String actorName, RegionCode actorRegion,
		String actorRegionName, ArticleStatus status, RegionCode stage, RegionCode review, String comment,
		List<Finding> findings) {
}
