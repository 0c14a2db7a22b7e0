package org.wushe.campaign;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.wushe.personal.PhoneNumber;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.migration.RowMigration;

/**
 * A Flyway migration that encrypts a clear phone column {@code <column>} of a table keyed by {@code id} into
 * {@code <column>_cipher} with its search hash ({@code <column>_hash}) and masked form ({@code <column>_masked}), then
 * drops the clear column. A valid number is stored normalised; an older free-form one as typed, masked in full. It
 * runs in the migration's transaction, so a failure leaves the clear column untouched; plain JDBC, the same on H2 and
 * PostgreSQL. Spring Boot hands the subclass beans to Flyway, which gives them the personal-data key.
 */
abstract class ClearPhoneEncryption extends RowMigration {

	private final FieldCipher cipher;

	private final String table;

	private final String column;

	ClearPhoneEncryption(FieldCipher cipher, String version, String description, String table, String column) {
		super(version, description);
		this.cipher = cipher;
		this.table = table;
		this.column = column;
	}

	/** Encrypts every clear phone and drops the clear column; answers how many phones it encrypted. */
	int encryptClearPhones(Connection connection) throws SQLException {
		return migrate(connection);
	}

	@Override
	protected int migrate(JdbcTemplate jdbc) {
		int done = rewriteEach(jdbc,
				"SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column + " <> ''",
				"UPDATE " + table + " SET " + column + "_cipher = ?, " + column + "_hash = ?, " + column
						+ "_masked = ? WHERE id = ?",
				row -> {
					String typed = row.getString(column).strip();
					String phone = PhoneNumber.normalised(typed).orElse(typed);
					return new Object[] { cipher.encrypt(FieldCipher.PHONE, phone),
							cipher.hash(FieldCipher.PHONE, phone), PhoneNumber.mask(phone), row.getLong("id") };
				});
		jdbc.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
		return done;
	}

}
