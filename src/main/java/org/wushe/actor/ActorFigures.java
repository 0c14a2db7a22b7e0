package org.wushe.actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.region.RegionCode;

/**
 * The actor module's public API for figures: how many social organizations (and of them social-work agencies),
 * social-work professionals (and of them certified), and registered volunteers are in a region's subtree. Counts
 * leave out deregistered organizations, workers who left and withdrawn volunteers.
 */
@Service
public class ActorFigures {

	/** Registry counts of one subtree. */
	public record Counts(long organizations, long agencies, long workers, long certifiedWorkers, long volunteers) {
	}

	private final JdbcClient jdbc;

	ActorFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Counts counts(RegionCode region) {
		String from = region.subtreeFrom();
		String to = region.subtreeTo();
		long[] orgs = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN kind = 'SOCIAL_WORK_AGENCY' THEN 1 ELSE 0 END), 0)
				FROM organization WHERE region_code >= :from AND region_code < :to AND status <> 'DEREGISTERED'
				""").param("from", from).param("to", to).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long[] workers = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN qualification <> 'NONE' THEN 1 ELSE 0 END), 0)
				FROM social_worker WHERE region_code >= :from AND region_code < :to AND status <> 'LEFT'
				""").param("from", from).param("to", to).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long volunteers = jdbc.sql("""
				SELECT COUNT(*) FROM volunteer
				WHERE region_code >= :from AND region_code < :to AND status <> 'WITHDRAWN'
				""").param("from", from).param("to", to).query(Long.class).single();
		return new Counts(orgs[0], orgs[1], workers[0], workers[1], volunteers);
	}

}
