package org.wushe.article;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.wushe.shared.FieldError;

/** The Chinese texts a user reads for an error or a finding, as the pages and the API render them. */
final class Bundles {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("messages", "i18n/article");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private Bundles() {
	}

	static String zh(String key, Object... args) {
		return MESSAGES.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	static String field(FieldError e) {
		return zh("field.error", zh("field." + e.field()), zh(e.messageKey(), e.args()));
	}

	static String finding(Finding f) {
		return zh("field.error", zh("field." + f.field()), zh(f.messageKey(), f.args()));
	}

}
