package org.wushe.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.campaign.CampaignActivitySource;
import org.wushe.campaign.ReportRow;
import org.wushe.region.RegionCode;

/** Gives progress reports their rows: the records of a unit's subtree, streamed in table order. */
@Component
class CampaignActivities implements CampaignActivitySource {

	private final JdbcClient jdbc;

	CampaignActivities(javax.sql.DataSource dataSource) {
		// rows stream in chunks instead of arriving all at once (PostgreSQL needs a fetch size and a transaction)
		org.springframework.jdbc.core.JdbcTemplate streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		streaming.setFetchSize(1_000);
		this.jdbc = JdbcClient.create(streaming);
	}

	@Override
	public void forEachRow(List<Long> campaignIds, RegionCode unit, LocalDate lastDay, Consumer<ReportRow> sink) {
		if (campaignIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				SELECT id, region_code, name, units, participants, start_date, end_date, place, content, domains,
				       beneficiaries, funds_yuan, materials_yuan, remarks
				FROM activity
				WHERE campaign_id IN (:campaigns) AND region_code >= :from AND region_code < :to AND start_date <= :last
				ORDER BY region_code, start_date, id
				""")
			.param("campaigns", campaignIds)
			.param("from", unit.subtreeFrom())
			.param("to", unit.subtreeTo())
			.param("last", lastDay)
			.query(rs -> {
				sink.accept(new ReportRow(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"),
						rs.getString("units"), rs.getInt("participants"), rs.getObject("start_date", LocalDate.class),
						rs.getObject("end_date", LocalDate.class), rs.getString("place"), rs.getString("content"),
						ServiceDomain.ofMask(rs.getInt("domains")).stream().map(Enum::name).toList(),
						rs.getInt("beneficiaries"), rs.getBigDecimal("funds_yuan"), rs.getBigDecimal("materials_yuan"),
						rs.getString("remarks")));
			});
	}

}
