package org.wushe.shared.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.wushe.shared.Databases;

/**
 * A named lock held by one node of the deployment at a time, for start-up work that must happen once (loading the
 * region tree, creating demo data). On PostgreSQL it is a session advisory lock on a connection of its own, so the
 * server releases it if the node dies; the embedded H2 file database is opened by one process only, so a lock in this
 * JVM is enough there. Waiting nodes block until the holder is done and then see its work.
 */
@Component
@RequiredArgsConstructor
public class ClusterLock {

	private static final Map<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

	private final DataSource dataSource;

	public void run(String name, Runnable work) {
		call(name, () -> {
			work.run();
			return null;
		});
	}

	public <T> T call(String name, Supplier<T> work) {
		boolean postgres = Databases.isPostgres(dataSource);
		try (Connection connection = dataSource.getConnection()) {
			if (!postgres) {
				ReentrantLock lock = LOCAL.computeIfAbsent(name, k -> new ReentrantLock());
				lock.lock();
				try {
					return work.get();
				}
				finally {
					lock.unlock();
				}
			}
			long key = key(name);
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			advisory(connection, "SELECT pg_advisory_lock(?)", key);
			try {
				return work.get();
			}
			finally {
				advisory(connection, "SELECT pg_advisory_unlock(?)", key);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cluster lock " + name + " not available", ex);
		}
	}


	private static void advisory(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			statement.execute();
		}
	}

	/** A stable 64-bit key per name; the high bits mark the application's own locks. */
	static long key(String name) {
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return (0x5753L << 32) | crc.getValue();
	}

}
