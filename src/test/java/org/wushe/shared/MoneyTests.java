package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1,234.50元|1234.50", "１２３４．５元|1234.50", "￥1,000|1000.00",
			"1.5万元|15000.00", "２万|20000.00", "人民币500元整|500.00", "CNY 12|12.00", "999999999999.99|999999999999.99" })
	void readsWhatPeopleWrite(String text, String expected) throws Money.Refused {
		assertThat(Money.parse(text)).isEqualTo(new BigDecimal(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "-5|NEGATIVE", "－5元|NEGATIVE", "1.234|DECIMALS", "壹佰元|FORMAT",
			"12,34|FORMAT", "1e5|FORMAT", "1000000000000|TOO_LARGE", "0.0000001万元|DECIMALS" })
	void refusesWhatIsNoAmount(String text, Money.Problem problem) {
		assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(Money.Refused.class)
			.extracting(e -> ((Money.Refused) e).problem())
			.isEqualTo(problem);
	}

	@Test
	void blankIsNothing() throws Money.Refused {
		assertThat(Money.parse(null)).isNull();
		assertThat(Money.parse(" \u3000")).isNull();
	}

	@Test
	void foldsFullWidthForms() {
		assertThat(HalfWidth.of("１２３，４．５\u3000（甲）")).isEqualTo("123,4.5 (甲)");
		String plain = "plain";
		assertThat(HalfWidth.of(plain)).isSameAs(plain);
	}

}
