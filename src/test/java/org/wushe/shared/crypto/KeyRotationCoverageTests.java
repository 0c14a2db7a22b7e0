package org.wushe.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.support.IntegrationTest;

/**
 * A key rotation re-seals every encrypted column: each {@code *_cipher} column of the schema is listed in
 * {@link KeyRotation#COLUMNS} (with its search hash where the table has one), so a module that adds an encrypted
 * column and forgets the list fails here instead of leaving values that only the old key opens.
 */
@IntegrationTest
class KeyRotationCoverageTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyEncryptedColumnOfTheSchemaIsRotated() {
		Set<String> inSchema = jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(column_name) LIKE '%\\_cipher' ESCAPE '\\'
				""")
			.query((rs, n) -> (rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT))
			.stream()
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> rotated = KeyRotation.COLUMNS.stream()
			.map(c -> c.table() + "." + c.cipher())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(inSchema).as("encrypted columns in the schema").isNotEmpty().isEqualTo(rotated);
	}

	@Test
	void everySearchHashBesideAnEncryptedColumnIsRecomputed() {
		Set<String> hashes = jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(column_name) LIKE '%\\_hash' ESCAPE '\\'
				""")
			.query((rs, n) -> (rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT))
			.stream()
			.collect(Collectors.toCollection(TreeSet::new));
		for (KeyRotation.Column c : KeyRotation.COLUMNS) {
			String hash = c.table() + "." + c.cipher().replaceFirst("_cipher$", "_hash");
			assertThat(c.hash() == null ? null : c.table() + "." + c.hash())
				.as("search hash of %s.%s", c.table(), c.cipher())
				.isEqualTo(hashes.contains(hash) ? hash : null);
		}
	}

}
