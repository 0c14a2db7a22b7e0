package org.wushe.volunteering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;

/**
 * The time bank's rules per province ({@code timebank_rule}); a province without its own row follows Nanjing's:
 * at most 1,500 hours stored per person, the overflow donated to the pool, and a pool may lend up to 200 hours.
 */
@Component
class TimeBankRules {

	/** One province's rules, in minutes. */
	record Rules(long capMinutes, long poolLimitMinutes) {
	}

	static final Rules NANJING = new Rules(1500L * 60, 200L * 60);

	private final JdbcClient jdbc;

	TimeBankRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Rules of(String regionCode) {
		RegionCode code = RegionCode.parse(regionCode);
		if (code.isCountry()) {
			return NANJING;
		}
		String province = code.ancestorAt(RegionLevel.PROVINCE).value();
		return jdbc.sql("SELECT cap_minutes, pool_limit_minutes FROM timebank_rule WHERE province_code = :p")
			.param("p", province)
			.query((rs, n) -> new Rules(rs.getLong(1), rs.getLong(2)))
			.optional()
			.orElse(NANJING);
	}

}
