package org.wushe.charity.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.stereotype.Component;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;

/**
 * Sums of money per child region of a root (children without any count zero), plus the root's own level and a total.
 * Sums are grouped in SQL by {@code SUBSTRING(region_code, 1, :length)} with {@link RegionCode#childCodeLength()} of
 * the root.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MoneyTotals {

	/** One grouped sum: the code prefix and named amounts (money, in kind, matched, trusts, count). */
	public record Part(String prefix, Map<String, BigDecimal> amounts) {
	}

	/** One row: a child region (or the root itself, {@code own}) and its amounts. */
	public record Row(String regionCode, String regionName, boolean own, Map<String, BigDecimal> amounts) {
	}

	/** The rows and the total; in JSON the root is its code ({@code regionCode}). */
	public record Result(@JsonIgnore RegionCode root, String rootName, List<Row> rows, Map<String, BigDecimal> total) {

		@JsonProperty("regionCode")
		public String regionCode() {
			return root.value();
		}

	}

	private final CharityRegions regions;

	public Result of(RegionCode root, List<Part> parts, List<String> names) {
		Map<String, Map<String, BigDecimal>> byPrefix = new HashMap<>();
		for (Part p : parts) {
			String key = root.childKey(p.prefix());
			Map<String, BigDecimal> sums = byPrefix.computeIfAbsent(key, k -> zeros(names));
			p.amounts().forEach((k, v) -> sums.merge(k, v == null ? BigDecimal.ZERO : v, BigDecimal::add));
		}
		List<Row> rows = new ArrayList<>();
		String rootName = regions.name(root);
		Map<String, BigDecimal> own = byPrefix.remove("");
		if (own != null) {
			rows.add(new Row(root.value(), rootName, true, own));
		}
		if (root.level() != RegionLevel.VILLAGE) {
			for (Region child : regions.children(root)) {
				rows.add(new Row(child.code().value(), child.name(), false,
						byPrefix.getOrDefault(child.code().value(), zeros(names))));
			}
		}
		Map<String, BigDecimal> total = zeros(names);
		rows.forEach(r -> r.amounts().forEach((k, v) -> total.merge(k, v, BigDecimal::add)));
		return new Result(root, rootName, rows, total);
	}

	private static Map<String, BigDecimal> zeros(List<String> names) {
		Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
		names.forEach(n -> m.put(n, BigDecimal.ZERO));
		return m;
	}

}
