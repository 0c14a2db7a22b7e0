package org.wushe.shared;

import java.util.List;

/**
 * One entry of the "to do" list on the logged-in home page, contributed by a module through {@link HomeNotices}.
 *
 * @param kind what the notice is about, for the page's markup (e.g. {@code reminder})
 * @param subjectId the id of the thing it is about (e.g. the campaign)
 * @param messageKey message key of the text
 * @param args arguments of the message, already formatted
 * @param href path of the page where the user acts on it
 * @param urgent whether it is shown as urgent
 */
public record HomeNotice(String kind, long subjectId, String messageKey, List<Object> args, String href,
		boolean urgent) {

	public HomeNotice {
		args = List.copyOf(args);
	}

	/** The arguments as an array, for {@code #messages.msgWithParams}. */
	public Object[] argArray() {
		return args.toArray();
	}

}
