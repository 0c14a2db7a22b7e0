package org.wushe.message;

import java.time.Instant;
import java.util.List;

/**
 * One message to one user.
 *
 * @param kind what it is about, e.g. {@code report-returned}
 * @param messageKey message key of its text
 * @param args the text's arguments, already formatted
 * @param href the page where the user acts on it, or {@code null}
 * @param readAt when the recipient opened it, or {@code null}
 */
public record Message(long id, String recipient, String kind, String messageKey, List<String> args, String href,
		boolean urgent, Instant createdAt, Instant readAt) {

	public Message {
		args = List.copyOf(args);
	}

	public boolean isRead() {
		return readAt != null;
	}

	/** The arguments as an array, for {@code #messages.msgWithParams}. */
	public Object[] argArray() {
		return args.toArray();
	}

}
