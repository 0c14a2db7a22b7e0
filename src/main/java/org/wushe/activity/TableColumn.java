package org.wushe.activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The columns of the progress table (附件1) in the notice's order, A to L. Header texts come from the bundle
 * ({@link #headerKey()}); the words that recognise a header in a filled-in workbook come from
 * {@code activity/table-headers.csv}.
 */
enum TableColumn {

	SEQ, NAME, UNITS, PARTICIPANTS, DATES, PLACE, CONTENT, DOMAINS, BENEFICIARIES, FUNDS, MATERIALS, REMARKS;

	private static final Map<TableColumn, List<String>> WORDS = load();

	/** The header's message key ({@code activity.table.seq} …). */
	String headerKey() {
		return "activity.table." + name().toLowerCase(Locale.ROOT);
	}

	/** The message key of the column's short name in error messages ({@code activity.column.name} …). */
	String columnKey() {
		return "activity.column." + name().toLowerCase(Locale.ROOT);
	}

	/** Excel's column letter. */
	String letter() {
		return String.valueOf((char) ('A' + ordinal()));
	}

	static String letter(int index) {
		StringBuilder s = new StringBuilder();
		for (int i = index; i >= 0; i = i / 26 - 1) {
			s.insert(0, (char) ('A' + i % 26));
		}
		return s.toString();
	}

	/** Whether a column must be present for a workbook to have the 附件1 layout. */
	boolean required() {
		return this != SEQ && this != REMARKS;
	}

	/**
	 * The column a header cell names, or {@code null}: the column with the longest matching word, so that
	 * “参与活动的单位或社会组织（团队）名称” is the units column and not the name column.
	 */
	static TableColumn recognise(String header) {
		String h = normalise(header);
		if (h.isEmpty()) {
			return null;
		}
		TableColumn best = null;
		int bestLength = 0;
		for (Map.Entry<TableColumn, List<String>> e : WORDS.entrySet()) {
			for (String word : e.getValue()) {
				if (h.contains(word) && word.length() > bestLength) {
					best = e.getKey();
					bestLength = word.length();
				}
			}
		}
		return best;
	}

	static String normalise(String text) {
		return Plain.compact(text);
	}

	private static Map<TableColumn, List<String>> load() {
		Map<TableColumn, List<String>> words = new EnumMap<>(TableColumn.class);
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("activity/table-headers.csv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", 2);
				List<String> list = new ArrayList<>();
				for (String w : f[1].split("\\|")) {
					list.add(normalise(w));
				}
				words.put(valueOf(f[0].strip()), List.copyOf(list));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

}
