package org.wushe.message;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The message module's public API: sends messages to users, counts and lists a user's messages, marks them read. A
 * user only ever reaches their own messages. The layout reaches it as {@code @inbox} for the unread count.
 */
@Service("inbox")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Inbox {

	/** Separates a message's arguments in their column; no formatted argument contains it. */
	static final String SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<OutboundChannel> channels;

	/**
	 * Stores a message for each of {@code recipients} (in the caller's transaction) and hands each to the outbound
	 * channels once that transaction commits.
	 */
	public void send(Collection<String> recipients, String kind, String messageKey, List<String> args, String href,
			boolean urgent) {
		Instant now = Instant.now(clock);
		String joined = String.join(SEPARATOR, args.stream().map(a -> a == null ? "" : a.replace(SEPARATOR, " ")).toList());
		List<Message> sent = new ArrayList<>();
		for (String recipient : recipients) {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO message (recipient, kind, message_key, args, href, urgent, created_at)
					VALUES (:recipient, :kind, :key, :args, :href, :urgent, :at)
					""")
				.param("recipient", recipient)
				.param("kind", kind)
				.param("key", messageKey)
				.param("args", joined.length() > 2000 ? joined.substring(0, 2000) : joined)
				.param("href", href)
				.param("urgent", urgent)
				.param("at", Timestamp.from(now))
				.update(key, "id");
			sent.add(new Message(key.getKey().longValue(), recipient, kind, messageKey, args, href, urgent, now, null));
		}
		Runnable deliver = () -> sent.forEach(m -> channels(m));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver.run();
				}
			});
		}
		else {
			deliver.run();
		}
	}

	private void channels(Message m) {
		List<OutboundChannel> found = channels.orderedStream().toList();
		(found.isEmpty() ? List.<OutboundChannel>of(new LoggingChannel()) : found).forEach(c -> c.deliver(m));
	}

	/** How many of {@code user}'s messages are unread; 0 for no user. */
	public long unread(UserDetails user) {
		if (user == null) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = :r AND read_at IS NULL")
			.param("r", user.getUsername())
			.query(Long.class)
			.single();
	}

	/** {@code username}'s messages, newest first. */
	public List<Message> list(String username, int offset, int size) {
		return jdbc.sql("""
				SELECT id, recipient, kind, message_key, args, href, urgent, created_at, read_at FROM message
				WHERE recipient = :r ORDER BY id DESC LIMIT :limit OFFSET :offset
				""")
			.param("r", username)
			.param("limit", Math.min(Math.max(size, 1), 200))
			.param("offset", Math.max(offset, 0))
			.query((rs, n) -> {
				Timestamp read = rs.getTimestamp("read_at");
				String args = rs.getString("args");
				return new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"),
						rs.getString("message_key"), args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1)),
						rs.getString("href"), rs.getBoolean("urgent"), rs.getTimestamp("created_at").toInstant(),
						read == null ? null : read.toInstant());
			})
			.list();
	}

	/** Marks {@code username}'s message {@code id} read and returns where it leads; empty when it is not theirs. */
	public java.util.Optional<String> open(String username, long id) {
		java.util.Optional<String> href = jdbc.sql("SELECT COALESCE(href, '') FROM message WHERE id = :id AND recipient = :r")
			.param("id", id)
			.param("r", username)
			.query(String.class)
			.optional();
		href.ifPresent(h -> jdbc.sql("UPDATE message SET read_at = :at WHERE id = :id AND recipient = :r AND read_at IS NULL")
			.param("at", Timestamp.from(Instant.now(clock)))
			.param("id", id)
			.param("r", username)
			.update());
		return href;
	}

	/** Marks all of {@code username}'s messages read. */
	public void readAll(String username) {
		jdbc.sql("UPDATE message SET read_at = :at WHERE recipient = :r AND read_at IS NULL")
			.param("at", Timestamp.from(Instant.now(clock)))
			.param("r", username)
			.update();
	}

}
