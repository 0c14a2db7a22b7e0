package org.wushe.actor.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads enum values typed as their labels in any language (or as their names), for workbook cells that hold several
 * choices at once (service domains).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ChoiceLabels {

	private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final MessageSource messages;

	/** Label (lower-case, without spaces) → value, for every language, and the names too. */
	public <E extends Enum<E>> Map<String, E> of(E[] values, Function<E, String> labelKey) {
		Map<String, E> map = new LinkedHashMap<>();
		for (E e : values) {
			map.put(normal(e.name()), e);
			for (Locale locale : LANGUAGES) {
				map.put(normal(messages.getMessage(labelKey.apply(e), null, e.name(), locale)), e);
			}
		}
		return map;
	}

	public static String normal(String s) {
		return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
	}

}
