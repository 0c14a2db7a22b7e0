package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseDateTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2022-03-20|2022-03-20|2022-03-20", "2022/3/20|2022-03-20|2022-03-20",
			"2022.3.20|2022-03-20|2022-03-20", "2022年3月20日|2022-03-20|2022-03-20",
			"3月20日|2022-03-20|2022-03-20", "3月20号|2022-03-20|2022-03-20", "3月20|2022-03-20|2022-03-20",
			"20220320|2022-03-20|2022-03-20", "２０２２年３月２０日|2022-03-20|2022-03-20",
			"3/20|2022-03-20|2022-03-20", "2022 年 3 月 20 日|2022-03-20|2022-03-20",
			"3月20日-22日|2022-03-20|2022-03-22", "3月20日—22日|2022-03-20|2022-03-22",
			"3月20日至22日|2022-03-20|2022-03-22", "3月20日到4月2日|2022-03-20|2022-04-02",
			"3月20日-3月22日|2022-03-20|2022-03-22", "2022-03-20~2022-03-22|2022-03-20|2022-03-22",
			"2022-03-20-2022-03-22|2022-03-20|2022-03-22", "2022-03-20～22|2022-03-20|2022-03-22",
			"2022年3月20日－3月22日|2022-03-20|2022-03-22", "3.20-3.22|2022-03-20|2022-03-22",
			"2021年12月30日-1月2日|2021-12-30|2022-01-02", "12月30日-1月2日|2022-12-30|2023-01-02" })
	void readsDatesAndRanges(String text, LocalDate start, LocalDate end) {
		DateSpan span = ChineseDate.parse(text, 2022);
		assertThat(span.start()).isEqualTo(start);
		assertThat(span.end()).isEqualTo(end);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "3月32日|activity.value.date-impossible",
			"2022-02-30|activity.value.date-impossible", "next week|activity.value.date-format",
			"3月22日-20日|activity.value.date-reversed", "2022年3月|activity.value.date-format",
			"20|activity.value.date-format", "1899-01-01|activity.value.date-year",
			"3月20日-|activity.value.date-format", "3月20日-22日-24日|activity.value.date-format",
			"'   '|activity.value.date-missing" })
	void refusesWhatIsNoDate(String text, String key) {
		assertThatThrownBy(() -> ChineseDate.parse(text, 2022)).isInstanceOf(Unreadable.class)
			.extracting(e -> ((Unreadable) e).messageKey())
			.isEqualTo(key);
	}

}
