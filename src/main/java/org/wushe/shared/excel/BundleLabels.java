package org.wushe.shared.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;

/** {@link Labels} from the message bundles, in a fixed locale (imports run outside the request that started them). */
@RequiredArgsConstructor
final class BundleLabels implements Labels {

	static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, List<String>> variants = new ConcurrentHashMap<>();

	private final Map<String, String> plain = new ConcurrentHashMap<>();

	Locale locale() {
		return locale;
	}

	@Override
	public String text(String key, Object... args) {
		if (args == null || args.length == 0) {
			return plain.computeIfAbsent(key, k -> messages.getMessage(k, null, k, locale));
		}
		Object[] resolved = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			resolved[i] = args[i] instanceof String s && isKey(s) ? messages.getMessage(s, null, s, locale) : args[i];
		}
		return messages.getMessage(key, resolved, key, locale);
	}

	@Override
	public List<String> variants(String key) {
		return variants.computeIfAbsent(key, k -> {
			List<String> all = new ArrayList<>();
			for (Locale l : LANGUAGES) {
				String text = messages.getMessage(k, null, null, l);
				if (text != null && !all.contains(text)) {
					all.add(text);
				}
			}
			return List.copyOf(all);
		});
	}

	private static boolean isKey(String s) {
		return s.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
	}

}
