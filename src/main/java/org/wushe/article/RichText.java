package org.wushe.article;

import java.util.List;
import java.util.Set;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * The body of an article as rich text. Only paragraphs, line breaks, bold, italic, underline, lists and headings
 * h2–h4 survive; everything else (scripts, styles, attributes such as {@code on*} or {@code style}, links of any kind)
 * is removed, keeping the visible text. Editors that make {@code div}s per line get paragraphs instead.
 */
final class RichText {

	static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "h2", "h3", "h4")
		.allowElements((name, attributes) -> "p", "div")
		.toFactory();

	/** Elements after which the plain text gets a line break, so that words never run across blocks. */
	private static final Set<String> BLOCKS = Set.of("p", "br", "li", "h2", "h3", "h4", "ul", "ol");

	private RichText() {
	}

	/** The safe HTML to store and show. */
	static String sanitize(String html) {
		return html == null ? "" : POLICY.sanitize(html);
	}

	/** The visible text of (sanitized or raw) HTML, entities decoded, one line per block. */
	static String plainText(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		HtmlStreamEventReceiver collector = new HtmlStreamEventReceiver() {

			@Override
			public void openDocument() {
			}

			@Override
			public void closeDocument() {
			}

			@Override
			public void openTag(String elementName, List<String> attrs) {
				if (elementName.equals("br")) {
					text.append('\n');
				}
			}

			@Override
			public void closeTag(String elementName) {
				if (BLOCKS.contains(elementName)) {
					text.append('\n');
				}
			}

			@Override
			public void text(String chunk) {
				text.append(chunk);
			}

		};
		HtmlSanitizer.sanitize(html, POLICY.apply(collector));
		return text.toString().strip();
	}

	/**
	 * The length as 附件2 counts it: every character except whitespace (including full-width and no-break spaces) and
	 * invisible format characters. Punctuation counts.
	 */
	static int countWithoutWhitespace(String text) {
		if (text == null) {
			return 0;
		}
		return (int) text.codePoints().filter(c -> !isBlank(c)).count();
	}

	static boolean isBlank(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
	}

}
