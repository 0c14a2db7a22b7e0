package org.wushe.actor.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionInput;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.ScopedRows;

/**
 * Turns counts grouped by code prefix into one row per child region of a root (children without rows count zero),
 * plus a row for records registered on the root itself, and a total. Registries group with
 * {@code SUBSTRING(region_code, 1, :length)} where {@code length} is {@link RegionCode#childCodeLength()} of the root.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegionBreakdown {

	/** One grouped count: the code prefix, a category (kind, certified, …) and the number. */
	public record Part(String prefix, String category, long count) {
	}

	/** The breakdown rows and the total over them; in JSON the root is its code ({@code regionCode}). */
	public record Result(@JsonIgnore RegionCode root, String rootName, List<RegionCount> rows, RegionCount total) {

		@JsonProperty("regionCode")
		public String regionCode() {
			return root.value();
		}

	}

	private final RegionInput regions;

	/**
	 * Rows of {@code table} in the scope per child region (code prefix of {@code prefixLength}), split by
	 * {@code category} (a column or an expression), counting only rows where {@code where} holds. Table, category and
	 * condition are the registries' own constants, never user input.
	 */
	public static List<Part> perChild(JdbcClient jdbc, String table, String category, String where, RegionScope scope,
			int prefixLength) {
		return ScopedRows.inScope(jdbc, """
				SELECT t.prefix, t.category, COUNT(*) AS count
				FROM (SELECT SUBSTRING(region_code, 1, :length) AS prefix, %s AS category FROM %s
				      WHERE region_code >= :from AND region_code < :to AND %s) t
				GROUP BY t.prefix, t.category
				""".formatted(category, table, where), scope)
			.param("length", prefixLength)
			.query(Part.class)
			.list();
	}

	public Result of(RegionCode root, List<Part> parts) {
		Map<String, Map<String, Long>> byPrefix = new HashMap<>();
		for (Part p : parts) {
			String key = root.childKey(p.prefix());
			byPrefix.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(p.category(), p.count(), Long::sum);
		}
		List<RegionCount> rows = new ArrayList<>();
		String rootName = regions.name(root);
		Map<String, Long> own = byPrefix.remove("");
		if (own != null) {
			rows.add(count(root.value(), rootName, true, own));
		}
		if (root.level() != RegionLevel.VILLAGE) {
			for (Region child : regions.children(root)) {
				Map<String, Long> c = byPrefix.getOrDefault(child.code().value(), Map.of());
				rows.add(count(child.code().value(), child.name(), false, c));
			}
		}
		Map<String, Long> all = new LinkedHashMap<>();
		for (RegionCount r : rows) {
			r.counts().forEach((k, v) -> all.merge(k, v, Long::sum));
		}
		return new Result(root, rootName, rows, count(root.value(), rootName, false, all));
	}

	private static RegionCount count(String code, String name, boolean own, Map<String, Long> counts) {
		long total = counts.getOrDefault(TOTAL, -1L);
		if (total < 0) {
			total = counts.entrySet()
				.stream()
				.filter(e -> !e.getKey().startsWith("+"))
				.mapToLong(Map.Entry::getValue)
				.sum();
		}
		return new RegionCount(code, name, own, total, Map.copyOf(counts));
	}

	/**
	 * Category name of an explicit total. Without it the total is the sum of the categories, except those starting
	 * with {@code +} (overlapping counts such as certified workers).
	 */
	public static final String TOTAL = "total";

}
