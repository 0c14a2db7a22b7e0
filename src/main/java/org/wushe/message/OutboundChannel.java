package org.wushe.message;

/**
 * A channel outside the platform (SMS, email, WeChat) that a deployment provides as a bean; every message stored in
 * an inbox is also handed to each channel, after the transaction that stored it commits. A channel decides itself
 * whom it can reach (it looks the recipient up) and which messages are worth sending (e.g. only urgent ones). Without
 * such a bean, messages are only logged.
 */
public interface OutboundChannel {

	/** Sends {@code message}; failures are the channel's to log and retry, they never undo the message. */
	void deliver(Message message);

}
