package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadcountTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "120|120", "１２０|120", "1,200|1200", "1，200人次|1200", "35人|35", "8次|8",
			" 42 |42", "120.0|120", "0|0" })
	void readsCountsAsPeopleWriteThem(String text, int expected) {
		assertThat(Headcount.parse(text)).isEqualTo(expected);
	}

	@Test
	void blankIsZero() {
		assertThat(Headcount.parse("")).isZero();
		assertThat(Headcount.parse(null)).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "-1|activity.value.count-negative", "1.5|activity.value.count-fraction",
			"约100|activity.value.count-format", "100余人|activity.value.count-format",
			"many|activity.value.count-format", "99999999|activity.value.count-too-large" })
	void refusesWhatIsNoCount(String text, String key) {
		assertThatThrownBy(() -> Headcount.parse(text)).isInstanceOf(Unreadable.class)
			.extracting(e -> ((Unreadable) e).messageKey())
			.isEqualTo(key);
	}

	@Test
	void spreadsheetNumbersMustBeWhole() {
		assertThat(Headcount.of(new BigDecimal("35.000"))).isEqualTo(35);
		assertThatThrownBy(() -> Headcount.of(new BigDecimal("35.5"))).isInstanceOf(Unreadable.class);
	}

}
