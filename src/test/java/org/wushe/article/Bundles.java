package org.wushe.article;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.wushe.shared.FieldError;

/** The Chinese texts a user reads for an error or a finding, as the pages and the API render them. */
final class Bundles {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		// the order of spring.messages.basename: a key defined by an earlier bundle wins
		MESSAGES.setBasenames("messages", "i18n/site", "i18n/actor", "i18n/charity", "i18n/campaign", "i18n/activity",
				"i18n/article", "i18n/stats");
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
