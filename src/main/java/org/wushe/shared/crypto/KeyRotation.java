package org.wushe.shared.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every encrypted column under a new personal-data key ({@code WUSHE_CRYPTO_KEY}): each value is decrypted
 * with the previous key, encrypted with the new one, and its search hash (if the column has one) recomputed, in
 * batches of one transaction each. A value that already opens with the new key is left alone, so the rotation is
 * idempotent and, stopped at any point, resumes where it was by running it again. A value that opens with neither
 * key is counted and left as it is.
 * <p>
 * Each value is found and updated by its own ciphertext (random per value), so the rotation needs no knowledge of the
 * tables' keys; the batches walk the column in ciphertext order.
 */
public final class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	/** An encrypted column: its table, the ciphertext column, the search-hash column (or {@code null}), the purpose. */
	public record Column(String table, String cipher, String hash, String purpose) {
	}

	/** Every encrypted column of the application. A module that adds one adds it here. */
	public static final List<Column> COLUMNS = List.of(
			new Column("site_staff", "phone_cipher", "phone_hash", FieldCipher.PHONE),
			new Column("organization", "contact_phone_cipher", "contact_phone_hash", FieldCipher.PHONE),
			new Column("social_worker", "id_number_cipher", "id_number_hash", FieldCipher.ID_NUMBER),
			new Column("social_worker", "phone_cipher", "phone_hash", FieldCipher.PHONE),
			new Column("volunteer", "id_number_cipher", "id_number_hash", FieldCipher.ID_NUMBER),
			new Column("volunteer", "phone_cipher", "phone_hash", FieldCipher.PHONE),
			new Column("community", "contact_phone_cipher", "contact_phone_hash", FieldCipher.PHONE),
			new Column("donor", "phone_cipher", "phone_hash", FieldCipher.PHONE),
			new Column("campaign", "contact_phone_cipher", "contact_phone_hash", FieldCipher.PHONE),
			new Column("progress_report_version", "reporter_phone_cipher", "reporter_phone_hash", FieldCipher.PHONE),
			new Column("care_person", "id_number_cipher", "id_number_hash", FieldCipher.ID_NUMBER),
			new Column("care_person", "phone_cipher", null, FieldCipher.PHONE),
			new Column("care_person", "address_cipher", null, "address"),
			new Column("care_person", "health_cipher", null, "health-notes"),
			new Column("care_visit", "notes_cipher", null, "care-visit-notes"),
			new Column("care_case_event", "notes_cipher", null, "care-case-notes"),
			new Column("care_person_relative", "phone_cipher", null, FieldCipher.PHONE));

	/**
	 * What a rotation did: values re-sealed; values met that already open with the new key (from an earlier run, or
	 * re-sealed earlier in this one: the walk in ciphertext order may meet a new ciphertext again); values that open
	 * with neither key.
	 */
	public record Result(long resealed, long alreadyNew, long unreadable) {

		Result plus(Result other) {
			return new Result(resealed + other.resealed, alreadyNew + other.alreadyNew, unreadable + other.unreadable);
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final FieldCipher previous;

	private final FieldCipher current;

	private final int batchSize;

	/** Rotates from the key {@code previous} to the key {@code current}. */
	public KeyRotation(JdbcClient jdbc, TransactionTemplate tx, byte[] previous, byte[] current, int batchSize) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.previous = new FieldCipher(new PersonalDataKeys(previous));
		this.current = new FieldCipher(new PersonalDataKeys(current));
		this.batchSize = Math.max(batchSize, 1);
	}

	/** Re-seals every column of {@link #COLUMNS}. */
	public Result run() {
		return run(COLUMNS, Integer.MAX_VALUE);
	}

	/** Re-seals {@code columns}, at most {@code maxBatches} batches per column (for a rotation done in steps). */
	public Result run(List<Column> columns, int maxBatches) {
		Result total = new Result(0, 0, 0);
		for (Column column : columns) {
			Result done = column(column, maxBatches);
			log.info("Key rotation {}.{}: {} re-sealed, {} already under the new key, {} unreadable", column.table(),
					column.cipher(), done.resealed(), done.alreadyNew(), done.unreadable());
			total = total.plus(done);
		}
		return total;
	}

	private Result column(Column c, int maxBatches) {
		Result total = new Result(0, 0, 0);
		String after = "";
		for (int batch = 0; batch < maxBatches; batch++) {
			List<String> values = jdbc.sql("SELECT " + c.cipher() + " FROM " + c.table() + " WHERE " + c.cipher()
					+ " > :after ORDER BY " + c.cipher() + " LIMIT :limit")
				.param("after", after)
				.param("limit", batchSize)
				.query(String.class)
				.list();
			if (values.isEmpty()) {
				break;
			}
			after = values.get(values.size() - 1);
			Result done = tx.execute(status -> batch(c, values));
			total = total.plus(done);
		}
		return total;
	}

	private Result batch(Column c, List<String> values) {
		long resealed = 0;
		long alreadyNew = 0;
		long unreadable = 0;
		for (String sealed : values) {
			if (opens(current, c.purpose(), sealed)) {
				alreadyNew++;
				continue;
			}
			String plain;
			try {
				plain = previous.decrypt(c.purpose(), sealed);
			}
			catch (FieldCipher.TamperedException ex) {
				unreadable++;
				continue;
			}
			String sql = "UPDATE " + c.table() + " SET " + c.cipher() + " = :sealed"
					+ (c.hash() == null ? "" : ", " + c.hash() + " = :hash") + " WHERE " + c.cipher() + " = :old";
			var update = jdbc.sql(sql).param("sealed", current.encrypt(c.purpose(), plain)).param("old", sealed);
			if (c.hash() != null) {
				update = update.param("hash", current.hash(c.purpose(), plain));
			}
			resealed += update.update();
		}
		return new Result(resealed, alreadyNew, unreadable);
	}

	private static boolean opens(FieldCipher cipher, String purpose, String sealed) {
		try {
			cipher.decrypt(purpose, sealed);
			return true;
		}
		catch (FieldCipher.TamperedException ex) {
			return false;
		}
	}

}
