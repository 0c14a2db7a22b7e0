package org.wushe.actor.registry;

import java.util.Map;

/**
 * Counts of one region of a breakdown: a child region (or the parent itself for rows registered directly on it, with
 * {@code own} set), the total and named sub-counts (per kind, certified, …).
 */
public record RegionCount(String regionCode, String regionName, boolean own, long total, Map<String, Long> counts) {
}
