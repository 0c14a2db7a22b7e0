package org.wushe.actor.registry;

import java.util.List;

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

	/** Which of these ID-number hashes {@code table} holds already (imports check a whole batch at once). */
	public static List<String> takenAmong(JdbcClient jdbc, String table, List<String> hashes) {
		if (hashes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id_number_hash FROM " + table + " WHERE id_number_hash IN (:hashes)")
			.param("hashes", hashes)
			.query(String.class)
			.list();
	}

}
