package org.wushe.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outbound channel used when a deployment provides none: it writes one log line per message. */
class LoggingChannel implements OutboundChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingChannel.class);

	@Override
	public void deliver(Message message) {
		log.info("Message {} ({}) for {}", message.id(), message.kind(), message.recipient());
	}

}
