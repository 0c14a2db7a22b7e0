package org.wushe.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CellParsersTests {

	enum Colour {
		RED, GREEN
	}

	static final Labels LABELS = new Labels() {
		@Override
		public String text(String key, Object... args) {
			return key;
		}

		@Override
		public List<String> variants(String key) {
			return switch (key) {
				case "colour.red" -> List.of("红色", "Red");
				case "colour.green" -> List.of("绿色", "Green");
				case "excel.yes" -> List.of("是", "Yes");
				case "excel.no" -> List.of("否", "No");
				default -> List.of(key);
			};
		}
	};

	static <V> V parse(CellParser<V> parser, String text) throws CellProblem {
		return parser.parse(CellValue.ofText(text), LABELS);
	}

	static <V> V parse(CellParser<V> parser, BigDecimal number) throws CellProblem {
		return parser.parse(CellValue.ofNumber(number), LABELS);
	}

	static String problem(CellParser<?> parser, String text) {
		try {
			parser.parse(CellValue.ofText(text), LABELS);
			return null;
		}
		catch (CellProblem p) {
			return p.messageKey();
		}
	}

	@Test
	void textCountsCharactersNotBytes() throws CellProblem {
		assertThat(parse(CellParsers.text(4), "  海拉尔东  ")).isEqualTo("海拉尔东");
		assertThat(problem(CellParsers.text(4), "海拉尔东路")).isEqualTo("excel.cell.too-long");
		assertThat(parse(CellParsers.text(20), BigDecimal.valueOf(13812345678L))).isEqualTo("13812345678");
	}

	@Test
	void textRefusesExcelErrorValues() {
		assertThatThrownBy(() -> CellParsers.text(10).parse(new CellValue("#N/A", null, "#N/A", false), LABELS))
			.isInstanceOf(CellProblem.class)
			.hasMessage("excel.cell.formula-error");
	}

	@Test
	void integersAcceptFullWidthAndSeparators() throws CellProblem {
		assertThat(parse(CellParsers.integer(0), "１２")).isEqualTo(12);
		assertThat(parse(CellParsers.integer(0), "1,234")).isEqualTo(1234);
		assertThat(parse(CellParsers.integer(0), "１，２３４")).isEqualTo(1234);
		assertThat(parse(CellParsers.integer(0), new BigDecimal("7.0"))).isEqualTo(7);
		assertThat(problem(CellParsers.integer(0), "-1")).isEqualTo("excel.cell.too-small");
		assertThat(problem(CellParsers.integer(0), "1.5")).isEqualTo("excel.cell.not-integer");
		assertThat(problem(CellParsers.integer(0), "十二")).isEqualTo("excel.cell.not-integer");
		assertThat(problem(CellParsers.integer(0), "99999999999")).isEqualTo("excel.cell.too-large");
	}

	@Test
	void yuanAcceptsWhatPeopleType() throws CellProblem {
		assertThat(parse(CellParsers.yuan(), "1234.5")).isEqualTo(new BigDecimal("1234.50"));
		assertThat(parse(CellParsers.yuan(), "1,234.50元")).isEqualTo(new BigDecimal("1234.50"));
		assertThat(parse(CellParsers.yuan(), "１２３４．５元")).isEqualTo(new BigDecimal("1234.50"));
		assertThat(parse(CellParsers.yuan(), "￥1,000")).isEqualTo(new BigDecimal("1000.00"));
		assertThat(parse(CellParsers.yuan(), "12,345,678.9 元")).isEqualTo(new BigDecimal("12345678.90"));
		assertThat(parse(CellParsers.yuan(), new BigDecimal("0.30000000000000004"))).isEqualTo(new BigDecimal("0.30"));
		assertThat(parse(CellParsers.yuan(), new BigDecimal("88"))).isEqualTo(new BigDecimal("88.00"));
		// 万 is read the same way as in the activity import (附件1 writes amounts in 万元)
		assertThat(parse(CellParsers.yuan(), "3万元")).isEqualTo(new BigDecimal("30000.00"));
		assertThat(parse(CellParsers.yuan(), "１.５万")).isEqualTo(new BigDecimal("15000.00"));
	}

	@Test
	void yuanRefusesWhatItCannotBeSureOf() {
		assertThat(problem(CellParsers.yuan(), "1.234")).isEqualTo("excel.cell.yuan-scale");
		assertThat(problem(CellParsers.yuan(), "-5")).isEqualTo("excel.cell.yuan-negative");
		assertThat(problem(CellParsers.yuan(), "壹佰元")).isEqualTo("excel.cell.not-yuan");
		assertThat(problem(CellParsers.yuan(), "12,34")).isEqualTo("excel.cell.not-yuan");
		assertThat(problem(CellParsers.yuan(), "1000000000000")).isEqualTo("excel.cell.too-large");
		assertThatThrownBy(() -> parse(CellParsers.yuan(), new BigDecimal("1.005"))).isInstanceOf(CellProblem.class);
	}

	@Test
	void datesInCommonChineseForms() throws CellProblem {
		LocalDate d = LocalDate.of(2024, 3, 5);
		for (String s : List.of("2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "2024年03月05号", "20240305",
				"２０２４年３月５日", "2024-03-05 00:00:00", " 2024 年 3 月 5 日 ")) {
			assertThat(parse(CellParsers.date(), s)).as(s).isEqualTo(d);
		}
		// Excel serial numbers, and yyyymmdd typed as a number
		assertThat(parse(CellParsers.date(), new BigDecimal("45356"))).isEqualTo(d);
		assertThat(parse(CellParsers.date(), new BigDecimal("20240305"))).isEqualTo(d);
		assertThat(problem(CellParsers.date(), "2024-02-30")).isEqualTo("excel.cell.bad-date");
		assertThat(problem(CellParsers.date(), "next monday")).isEqualTo("excel.cell.not-date");
		assertThat(problem(CellParsers.date(), "3/5/2024")).isEqualTo("excel.cell.not-date");
	}

	@Test
	void choicesByLabelInAnyLanguageOrByName() throws CellProblem {
		CellParser<Colour> p = CellParsers.choice(List.of(Colour.values()),
				c -> "colour." + c.name().toLowerCase());
		assertThat(parse(p, "红色")).isEqualTo(Colour.RED);
		assertThat(parse(p, " green ")).isEqualTo(Colour.GREEN);
		assertThat(parse(p, "RED")).isEqualTo(Colour.RED);
		assertThat(problem(p, "蓝色")).isEqualTo("excel.cell.not-choice");
	}

	@Test
	void yesNo() throws CellProblem {
		assertThat(parse(CellParsers.yesNo(), "是")).isTrue();
		assertThat(parse(CellParsers.yesNo(), "No")).isFalse();
		assertThat(problem(CellParsers.yesNo(), "也许")).isEqualTo("excel.cell.not-yes-no");
	}

	@Test
	void regionCodesAtTheirNaturalLength() throws CellProblem {
		assertThat(parse(CellParsers.regionCode(), "150102")).isEqualTo("150102");
		assertThat(parse(CellParsers.regionCode(), "150102000000")).isEqualTo("150102");
		assertThat(parse(CellParsers.regionCode(), "１５０１０２００１")).isEqualTo("150102001");
		assertThat(parse(CellParsers.regionCode(), new BigDecimal("150102001000"))).isEqualTo("150102001");
		assertThat(problem(CellParsers.regionCode(), "15010")).isEqualTo("excel.cell.not-region");
		assertThat(problem(CellParsers.regionCode(), "新城区")).isEqualTo("excel.cell.not-region");
	}

	@Test
	void columnLetters() {
		assertThat(ExcelLayout.letter(0)).isEqualTo("A");
		assertThat(ExcelLayout.letter(25)).isEqualTo("Z");
		assertThat(ExcelLayout.letter(26)).isEqualTo("AA");
		assertThat(ExcelLayout.letter(701)).isEqualTo("ZZ");
		assertThat(ExcelLayout.letter(702)).isEqualTo("AAA");
	}

}
