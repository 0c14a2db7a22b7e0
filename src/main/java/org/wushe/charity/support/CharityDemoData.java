package org.wushe.charity.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.charity.donation.DonationInput;
import org.wushe.charity.donation.DonationService;
import org.wushe.charity.fund.Fund;
import org.wushe.charity.fund.FundInput;
import org.wushe.charity.fund.FundService;
import org.wushe.charity.fund.TrustInput;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.region.Regions;
import org.wushe.shared.CsvRows;

/**
 * Demo charity resources for the embedded default ({@code wushe.demo.enabled=true}) once the region tree is loaded:
 * per league a care fund for social workers (with matching) and a charitable trust; per county money and in-kind
 * donations, some to the league's fund. Texts come from {@code classpath:demo/charity.csv}. Runs once.
 */
@Component
class CharityDemoData {

	private static final Logger log = LoggerFactory.getLogger(CharityDemoData.class);

	/** 呼和浩特市, 包头市, 赤峰市, 鄂尔多斯市, 呼伦贝尔市, 锡林郭勒盟. */
	static final List<String> LEAGUES = List.of("1501", "1502", "1504", "1506", "1507", "1525");

	static final int COUNTIES_PER_LEAGUE = 2;

	private final boolean enabled;

	private final Regions regions;

	private final FundService funds;

	private final DonationService donations;

	private final JdbcClient jdbc;

	private final Clock clock;

	CharityDemoData(@Value("${wushe.demo.enabled:false}") boolean enabled, Regions regions, FundService funds,
			DonationService donations, JdbcClient jdbc, Clock clock) {
		this.enabled = enabled;
		this.regions = regions;
		this.funds = funds;
		this.donations = donations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void onRegionTreeLoaded(RegionTreeLoaded event) {
		if (!enabled || jdbc.sql("SELECT COUNT(*) FROM charity_fund").query(Long.class).single() > 0) {
			return;
		}
		List<String[]> rows = csv();
		RegionScope all = new RegionScope(RegionCode.COUNTRY);
		LocalDate today = LocalDate.now(clock);
		int count = 0;
		for (String league : LEAGUES) {
			RegionCode leagueCode = RegionCode.parse(league);
			Region leagueRegion = regions.find(leagueCode).orElse(null);
			if (leagueRegion == null) {
				continue;
			}
			Fund fund = null;
			for (String[] r : rows) {
				String name = r[2].replace("{league}", leagueRegion.name());
				if (r[0].equals("fund")) {
					fund = funds.createFund(
							new FundInput(name, league, r[3], leagueRegion.name(), r[6], r[7], "OPEN", null), all);
				}
				else if (r[0].equals("trust")) {
					funds.createTrust(new TrustInput(name, r[8], r[6], league, today.minusYears(1).toString(),
							"DEMO-" + league, r[3], null), all);
				}
			}
			List<Region> counties = regions.children(leagueCode);
			for (Region county : counties.subList(0, Math.min(COUNTIES_PER_LEAGUE, counties.size()))) {
				List<Region> townships = regions.children(county.code());
				if (townships.isEmpty()) {
					continue;
				}
				int i = 0;
				for (String[] r : rows) {
					if (!r[0].equals("donation")) {
						continue;
					}
					Region township = townships.get(i % townships.size());
					String donor = r[2].replace("{league}", leagueRegion.name())
						.replace("{county}", county.name())
						.replace("{township}", township.name());
					boolean money = r[3].isEmpty();
					boolean toFund = money && fund != null && i % 2 == 1;
					donations.record(new DonationInput(null, r[1], donor, null, null, township.code().value(),
							money ? "MONEY" : "IN_KIND", money ? r[6] : null, money ? null : r[3],
							money ? null : r[4], money ? null : r[5], money ? null : r[6], money ? null : r[7],
							money ? null : r[8].replace("{county}", county.name()).replace("{township}", township.name()),
							null, toFund ? String.valueOf(fund.id()) : null, today.minusDays(7L * i + 3).toString(),
							null), all);
					i++;
					count++;
				}
			}
		}
		log.info("Demo charity resources: {} donations, funds and trusts in {} leagues", count, LEAGUES.size());
	}

	private static List<String[]> csv() {
		return CsvRows.read("demo/charity.csv");
	}

}
