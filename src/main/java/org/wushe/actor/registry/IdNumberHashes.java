package org.wushe.actor.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Look-ups of registered ID numbers by their keyed hash, shared by the registries that hold ID numbers (social workers,
 * volunteers). {@code table} is one of the registries' own table names, never user input.
 */
public final class IdNumberHashes {

	private IdNumberHashes() {
	}

	/** Whether an entry of {@code table} other than {@code except} has this ID-number hash. */
	public static boolean taken(JdbcClient jdbc, String table, String hash, Long except) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id_number_hash = :hash AND id <> :except")
			.param("hash", hash)
			.param("except", except == null ? -1L : except)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Which of these ID-number hashes {@code table} holds already (imports check a whole batch at once): one prepared
	 * unique-index look-up per hash on one connection. Not an {@code IN} list: on PostgreSQL a prepared statement with
	 * hundreds of parameters gets a generic plan that scans the table and compares every row with every parameter,
	 * which made a 50,000-row import spend most of its time there.
	 */
	public static List<String> takenAmong(JdbcTemplate jdbc, String table, List<String> hashes) {
		if (hashes.isEmpty()) {
			return List.of();
		}
		return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
			List<String> taken = new ArrayList<>();
			try (PreparedStatement ps = connection
				.prepareStatement("SELECT 1 FROM " + table + " WHERE id_number_hash = ?")) {
				for (String hash : hashes) {
					ps.setString(1, hash);
					try (ResultSet rs = ps.executeQuery()) {
						if (rs.next()) {
							taken.add(hash);
						}
					}
				}
			}
			return taken;
		});
	}

}
