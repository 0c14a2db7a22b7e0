package org.wushe.activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * 服务领域: the six service domains of 附件1. An activity serves one or more. Labels come from the bundle
 * ({@link #messageKey()}); the names people write for each domain, official and colloquial, come from
 * {@code activity/domains.csv}. The bit of each domain makes a compact set for storage.
 */
public enum ServiceDomain {

	/** 老年人 */
	ELDERLY,
	/** 残疾人 */
	DISABLED,
	/** 妇女 */
	WOMEN,
	/** 儿童青少年 */
	CHILDREN,
	/** 困难群体 */
	NEEDY,
	/** 其他 */
	OTHER;

	private static final Map<String, ServiceDomain> NAMES = new HashMap<>();

	private static final Map<ServiceDomain, String> OFFICIAL = new java.util.EnumMap<>(ServiceDomain.class);

	static {
		loadNames();
	}

	private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\u3001,;/\\s\u00a0]+");

	// 等 (as in “困难群体等”)
	private static final String ETC = "\u7b49";

	public int bit() {
		return 1 << ordinal();
	}

	public String messageKey() {
		return "activity.domain." + name().toLowerCase(Locale.ROOT);
	}

	/** The official Chinese name, as in the 附件1 header. */
	public String officialName() {
		return OFFICIAL.get(this);
	}

	public static int mask(Collection<ServiceDomain> domains) {
		int m = 0;
		for (ServiceDomain d : domains) {
			m |= d.bit();
		}
		return m;
	}

	public static Set<ServiceDomain> ofMask(int mask) {
		EnumSet<ServiceDomain> set = EnumSet.noneOf(ServiceDomain.class);
		for (ServiceDomain d : values()) {
			if ((mask & d.bit()) != 0) {
				set.add(d);
			}
		}
		return set;
	}

	/**
	 * Reads one name: the constant ({@code ELDERLY}), the official or a colloquial Chinese name.
	 *
	 * @throws Unreadable naming the text when it is no known domain
	 */
	public static ServiceDomain parse(String name) {
		String s = Plain.of(name).strip();
		if (s.endsWith(ETC) && s.length() > 1) {
			s = s.substring(0, s.length() - 1);
		}
		ServiceDomain d = NAMES.get(s.toUpperCase(Locale.ROOT));
		if (d == null) {
			throw new Unreadable("activity.value.domain-unknown", name == null ? "" : name.strip());
		}
		return d;
	}

	/**
	 * Reads a list written in one cell or field, separated by 、，, ; / or spaces.
	 *
	 * @throws Unreadable for an unknown name, or when the list is empty
	 */
	public static Set<ServiceDomain> parseList(String text) {
		String s = Plain.of(text);
		EnumSet<ServiceDomain> set = EnumSet.noneOf(ServiceDomain.class);
		for (String part : SEPARATORS.split(s)) {
			if (!part.isBlank()) {
				set.add(parse(part));
			}
		}
		if (set.isEmpty()) {
			throw new Unreadable("activity.value.domain-missing");
		}
		return set;
	}

	/** Reads a list given as separate names (an API array or form checkboxes). */
	public static Set<ServiceDomain> parseAll(List<String> names) {
		EnumSet<ServiceDomain> set = EnumSet.noneOf(ServiceDomain.class);
		if (names != null) {
			for (String n : names) {
				if (n != null && !n.isBlank()) {
					set.addAll(parseList(n));
				}
			}
		}
		if (set.isEmpty()) {
			throw new Unreadable("activity.value.domain-missing");
		}
		return set;
	}

	private static void loadNames() {
		Map<String, ServiceDomain> names = NAMES;
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("activity/domains.csv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", 2);
				ServiceDomain d = valueOf(f[0].strip());
				names.put(d.name(), d);
				String[] aliases = f[1].split("\\|");
				OFFICIAL.put(d, aliases[0].strip());
				for (String a : aliases) {
					names.put(a.strip(), d);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (ServiceDomain d : values()) {
			if (!OFFICIAL.containsKey(d)) {
				throw new IllegalStateException("no names for " + d);
			}
		}
	}

}
