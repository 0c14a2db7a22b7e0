package org.wushe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;

/** The dashboard's period is read with the shared date reader; a wrong date names its parameter. */
class DashboardRequestTests {

	static final RegionScope SCOPE = new RegionScope(RegionCode.parse("15"));

	static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 6, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
			ZoneId.of("Asia/Shanghai"));

	@Test
	void readsChineseDatesAndNamesAWrongOne() {
		DashboardRequest r = DashboardRequest.read(null, "2026年1月1日", "２０２６/３/５", null, null, SCOPE, CLOCK);
		assertThat(r.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(r.to()).isEqualTo(LocalDate.of(2026, 3, 5));
		InvalidInputException wrong = catchThrowableOfType(InvalidInputException.class,
				() -> DashboardRequest.read(null, "2026-01-01", "2026-02-30", null, null, SCOPE, CLOCK));
		assertThat(wrong.errors()).extracting(e -> e.field()).containsExactly("to");
	}

}
