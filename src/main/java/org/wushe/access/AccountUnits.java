package org.wushe.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;

/**
 * Who did it, in the words of the people reading a history: the unit behind an account (its region and role, e.g.
 * 新城区 · 旗县区民政工作人员) instead of its user name. Histories store user names; pages turn them into units here,
 * one query for a whole list. Names that are no account (system jobs, deleted accounts) stay as they are. Templates
 * reach it as {@code @accountUnits}.
 */
@Component("accountUnits")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountUnits {

	/** The unit of one account. */
	public record Unit(String username, String displayName, String regionName, Role role) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final MessageSource messages;

	/** The units of these user names (those that are accounts), in one query. */
	public Map<String, Unit> units(Collection<String> usernames) {
		Set<String> names = new LinkedHashSet<>();
		for (String u : usernames) {
			if (u != null && !u.isBlank()) {
				names.add(u);
			}
		}
		if (names.isEmpty()) {
			return Map.of();
		}
		record Row(String username, String displayName, String regionCode, Role role) {
		}
		List<Row> rows = jdbc.sql("SELECT username, display_name, region_code, role FROM account WHERE username IN (:names)")
			.param("names", names)
			.query(Row.class)
			.list();
		Map<String, String> regionNames = new HashMap<>();
		Map<String, Unit> units = new HashMap<>();
		for (Row r : rows) {
			String regionName = regionNames.computeIfAbsent(r.regionCode(), this::regionName);
			units.put(r.username(), new Unit(r.username(), r.displayName(), regionName, r.role()));
		}
		return units;
	}

	/** The readable unit of each user name, e.g. 新城区 · 旗县区民政工作人员; the user name itself when it is no account. */
	public Map<String, String> labels(Collection<String> usernames) {
		Map<String, Unit> units = units(usernames);
		Map<String, String> labels = new HashMap<>();
		for (String u : usernames) {
			if (u != null) {
				Unit unit = units.get(u);
				labels.put(u, unit == null ? u : label(unit));
			}
		}
		return labels;
	}

	/** The readable unit of one user name; the user name itself when it is no account. */
	public String label(String username) {
		if (username == null) {
			return "";
		}
		Unit unit = units(List.of(username)).get(username);
		return unit == null ? username : label(unit);
	}

	private String label(Unit unit) {
		Locale locale = LocaleContextHolder.getLocale();
		String role = messages.getMessage(unit.role().messageKey(), null, unit.role().name(), locale);
		return messages.getMessage("access.unit.label", new Object[] { unit.regionName(), role },
				unit.regionName() + " " + role, locale);
	}

	private String regionName(String code) {
		RegionCode region = new RegionCode(code);
		if (region.isCountry()) {
			return messages.getMessage("access.unit.country", null, code, LocaleContextHolder.getLocale());
		}
		return regions.isReady() ? regions.find(region).map(Region::name).orElse(code) : code;
	}

}
