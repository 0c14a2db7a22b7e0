package org.wushe.shared.excel;

import java.util.List;

/**
 * Message-bundle texts as parsers and layouts need them: in the user's language for messages and headers, and in
 * every language for recognising what a user typed (a header or a choice may be filled in Chinese or English).
 */
public interface Labels {

	/** The text of {@code key} in the user's language; arguments that are keys are resolved too. */
	String text(String key, Object... args);

	/** The text of {@code key} in every supported language, Chinese first. */
	List<String> variants(String key);

}
