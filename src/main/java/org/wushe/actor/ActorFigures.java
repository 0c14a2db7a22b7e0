package org.wushe.actor;

import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.actor.registry.RegistryTally;
import org.wushe.actor.registry.RegistryTally.Category;
import org.wushe.region.RegionCode;

/**
 * The actor module's public API for figures: how many social organizations (and of them social-work agencies),
 * social-work professionals (and of them certified), and registered volunteers are in a region's subtree. Counts
 * leave out deregistered organizations, workers who left and withdrawn volunteers.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActorFigures {

	/** Registry counts of one subtree. */
	public record Counts(long organizations, long agencies, long workers, long certifiedWorkers, long volunteers) {
	}

	private final RegistryTally tally;

	private final JdbcClient jdbc;

	/** The counts of the subtree of {@code region}: one key look-up of the counters kept by every registry write. */
	public Counts counts(RegionCode region) {
		Map<Category, Long> c = tally.counts(region);
		long agencies = c.getOrDefault(Category.AGENCY, 0L);
		long certified = c.getOrDefault(Category.CERTIFIED_WORKER, 0L);
		return new Counts(c.getOrDefault(Category.ORGANIZATION, 0L) + agencies, agencies,
				c.getOrDefault(Category.WORKER, 0L) + certified, certified, c.getOrDefault(Category.VOLUNTEER, 0L));
	}

	/** The same counts recomputed from the registry rows, for checks: one range scan per registry. */
	public Counts recount(RegionCode region) {
		String from = region.subtreeFrom();
		String to = region.subtreeTo();
		record Pair(long total, long part) {
		}
		Pair orgs = jdbc.sql("""
				SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN kind = 'SOCIAL_WORK_AGENCY' THEN 1 ELSE 0 END), 0) AS part
				FROM organization WHERE region_code >= :from AND region_code < :to AND status <> 'DEREGISTERED'
				""").param("from", from).param("to", to).query(Pair.class).single();
		Pair workers = jdbc.sql("""
				SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN qualification <> 'NONE' THEN 1 ELSE 0 END), 0) AS part
				FROM social_worker WHERE region_code >= :from AND region_code < :to AND status <> 'LEFT'
				""").param("from", from).param("to", to).query(Pair.class).single();
		long volunteers = jdbc.sql("""
				SELECT COUNT(*) FROM volunteer
				WHERE region_code >= :from AND region_code < :to AND status <> 'WITHDRAWN'
				""").param("from", from).param("to", to).query(Long.class).single();
		return new Counts(orgs.total(), orgs.part(), workers.total(), workers.part(), volunteers);
	}

}
