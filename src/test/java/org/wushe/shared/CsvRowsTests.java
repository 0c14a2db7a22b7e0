package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTests {

	private static List<String[]> read(String text) {
		List<String[]> rows = new ArrayList<>();
		CsvRows.forEach(new StringReader(text), rows::add);
		return rows;
	}

	@Test
	void skipsTheHeaderAndBlankLinesAndKeepsEmptyValues() {
		List<String[]> rows = read("a,b,c\n1,,3\n\n   \n4,5,\n");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly("1", "", "3");
		assertThat(rows.get(1)).containsExactly("4", "5", "");
	}

	@Test
	void aQuotedValueMayHoldCommasQuotesAndLineBreaks() {
		List<String[]> rows = read("key,value\nsuffix,\"社工站，社区\"\"服务\"\", 第二段\nline\"\n");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsExactly("suffix", "社工站，社区\"服务\", 第二段\nline");
	}

	@Test
	void readsGzipFilesFromTheClasspath() {
		List<String[]> provinces = CsvRows.read("regions/level1_province.csv.gz");
		assertThat(provinces).hasSize(31);
		assertThat(provinces).allSatisfy(row -> assertThat(row).hasSize(4));
		assertThat(provinces.get(0)[0]).isEqualTo("11");
	}

	@Test
	void readsTheDemoFiles() {
		assertThat(CsvRows.read("demo/accounts.csv")).isNotEmpty().allSatisfy(row -> assertThat(row).hasSize(4));
	}

}
