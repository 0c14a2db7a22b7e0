package org.wushe.shared;

import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves message keys in the current locale. Arguments that are themselves message keys (enum labels such as
 * {@code region.level.county}) are resolved first; other text arguments are cut to {@link TextHygiene#ECHO_LIMIT}
 * characters. Templates reach it as {@code @texts}.
 */
@Component("texts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Texts {

	private final MessageSource messages;

	public String get(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] resolved = new Object[args == null ? 0 : args.length];
		for (int i = 0; i < resolved.length; i++) {
			Object a = args[i];
			// submitted text in a message is cut short: no answer repeats a long input back
			resolved[i] = a instanceof String s && isKey(s) ? messages.getMessage(s, null, s, locale)
					: a instanceof CharSequence text ? TextHygiene.shown(text.toString()) : a;
		}
		return messages.getMessage(key, resolved, key, locale);
	}

	/** "字段名：说明" for one invalid field, labelled {@code field.<field>}. */
	public String field(FieldError error) {
		return field(error, InvalidInputException.FIELD_LABELS);
	}

	/**
	 * "字段名：说明" for one invalid field of a form whose fields are labelled {@code <labels>.<field>}; a field that
	 * form does not label (or {@code labels} null) is labelled {@code field.<field>}, else by its own name.
	 */
	public String field(FieldError error, String labels) {
		String label = labels == null ? null : label(labels + "." + error.field());
		if (label == null) {
			label = label("field." + error.field());
		}
		return get("field.error", label == null ? error.field() : label, get(error.messageKey(), error.args()));
	}

	/** The text of {@code key}, or null when there is none. */
	private String label(String key) {
		String text = get(key);
		return text.equals(key) ? null : text;
	}

	private static boolean isKey(String s) {
		return s.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
	}

}
