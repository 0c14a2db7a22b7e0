package org.wushe.shared;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * Dates in demo data files relative to the day the demo is created, so that a fresh demo always has a campaign
 * running now. In a line of a demo file:
 * <ul>
 * <li>{@code {d-3}} becomes the date three days ago ({@code 2026-11-30}), {@code {d+0}} today;</li>
 * <li>{@code {d+3T17:00}} becomes that day's 17:00 in Asia/Shanghai with its offset
 * ({@code 2026-12-06T17:00:00+08:00});</li>
 * <li>{@code {week}} becomes the ISO week of today ({@code 2026-W49}), to tell one week's demo from another's.</li>
 * </ul>
 */
public final class DemoDates {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Pattern TOKEN = Pattern.compile("\\{d([+-]\\d+)(?:T(\\d{2}:\\d{2}))?\\}|\\{week\\}");

	private DemoDates() {
	}

	/**
	 * The data rows of a demo CSV file on the classpath, read by {@link CsvRows}, with the date tokens of every value
	 * replaced, counted from {@code today}; none when there is no such file.
	 */
	public static List<String[]> rows(String resource, LocalDate today) {
		if (!new ClassPathResource(resource).exists()) {
			return List.of();
		}
		List<String[]> rows = CsvRows.read(resource);
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				row[i] = resolve(row[i], today);
			}
		}
		return rows;
	}

	/** {@code line} with its date tokens replaced, counted from {@code today}. */
	public static String resolve(String line, LocalDate today) {
		if (line.indexOf('{') < 0) {
			return line;
		}
		Matcher m = TOKEN.matcher(line);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value;
			if (m.group(1) == null) {
				value = "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR),
						today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			}
			else {
				LocalDate day = today.plusDays(Long.parseLong(m.group(1)));
				value = m.group(2) == null ? day.toString()
						: day.atTime(LocalTime.parse(m.group(2))).atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

}
