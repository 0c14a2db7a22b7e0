package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class YuanTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1200|1200.00", "1,200|1200.00", "1，200.5|1200.50", "１２００元|1200.00",
			"￥1,200.50|1200.50", "¥ 88|88.00", "1.5万元|15000.00", "3万|30000.00", "0.35万元|3500.00",
			"  12.30 元 |12.30", "100圆|100.00", "人民币500元|500.00", "0|0.00", ".5|0.50", "12 345.6|12345.60" })
	void readsAmountsAsPeopleWriteThem(String text, String expected) {
		assertThat(Yuan.parse(text).amount()).isEqualByComparingTo(expected);
		assertThat(Yuan.parse(text).amount().scale()).isEqualTo(2);
	}

	@Test
	void blankIsZero() {
		assertThat(Yuan.parse(null)).isEqualTo(Yuan.ZERO);
		assertThat(Yuan.parse("   ")).isEqualTo(Yuan.ZERO);
		assertThat(Yuan.parse("\u3000")).isEqualTo(Yuan.ZERO);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "-5|activity.value.money-negative", "－5元|activity.value.money-negative",
			"12.345|activity.value.money-decimals", "abc|activity.value.money-format",
			"1e5|activity.value.money-format", "12元5角|activity.value.money-format",
			"1000000000000|activity.value.money-too-large", "1.2.3|activity.value.money-format",
			"0.0000001万元|activity.value.money-decimals" })
	void refusesWhatIsNoAmount(String text, String key) {
		assertThatThrownBy(() -> Yuan.parse(text)).isInstanceOf(Unreadable.class)
			.extracting(e -> ((Unreadable) e).messageKey())
			.isEqualTo(key);
	}

	@Test
	void spreadsheetNumbersLoseOnlyFloatingPointNoise() {
		assertThat(Yuan.of(new BigDecimal("0.30000000000000004")).amount()).isEqualByComparingTo("0.30");
		assertThat(Yuan.of(new BigDecimal("1200")).amount()).isEqualByComparingTo("1200.00");
		assertThatThrownBy(() -> Yuan.of(new BigDecimal("1.005"))).isInstanceOf(Unreadable.class);
		assertThatThrownBy(() -> Yuan.of(new BigDecimal("-1"))).isInstanceOf(Unreadable.class);
	}

	@Test
	void addsExactly() {
		assertThat(Yuan.of("0.10").plus(Yuan.of("0.20"))).isEqualTo(Yuan.of("0.30"));
	}

}
