package org.wushe.article.web;

import org.wushe.article.Finding;
import org.wushe.shared.Texts;

/** A finding as the API shows it, with its message in the user's language. */
record FindingView(String severity, String kind, String field, String word, String suggestion, String message) {

	static FindingView of(Finding f, Texts texts) {
		return new FindingView(f.severity().name(), f.kind().name(), f.field(), f.word(), f.suggestion(),
				texts.get("field.error", texts.get("field." + f.field()), texts.get(f.messageKey(), f.args())));
	}

}
