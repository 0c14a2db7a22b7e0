package org.wushe.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.wushe.personal.PhoneNumber;
import org.wushe.shared.crypto.FieldCipher;

/**
 * A Flyway migration that encrypts a clear phone column {@code <column>} of a table keyed by {@code id} into
 * {@code <column>_cipher} with its search hash ({@code <column>_hash}) and masked form ({@code <column>_masked}), then
 * drops the clear column. A valid number is stored normalised; an older free-form one as typed, masked in full. It
 * runs in the migration's transaction, so a failure leaves the clear column untouched; plain JDBC, the same on H2 and
 * PostgreSQL. Spring Boot hands the subclass beans to Flyway, which gives them the personal-data key.
 */
abstract class ClearPhoneEncryption implements JavaMigration {

	private static final int BATCH = 500;

	private final FieldCipher cipher;

	private final String version;

	private final String description;

	private final String table;

	private final String column;

	ClearPhoneEncryption(FieldCipher cipher, String version, String description, String table, String column) {
		this.cipher = cipher;
		this.version = version;
		this.description = description;
		this.table = table;
		this.column = column;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion(version);
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		encryptClearPhones(context.getConnection());
	}

	/** Encrypts every clear phone and drops the clear column; answers how many phones it encrypted. */
	int encryptClearPhones(Connection connection) throws SQLException {
		int done = 0;
		try (Statement select = connection.createStatement();
				ResultSet rs = select.executeQuery("SELECT id, " + column + " FROM " + table + " WHERE " + column
						+ " IS NOT NULL AND " + column + " <> ''");
				PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + column
						+ "_cipher = ?, " + column + "_hash = ?, " + column + "_masked = ? WHERE id = ?")) {
			while (rs.next()) {
				String typed = rs.getString(column).strip();
				String phone = PhoneNumber.normalised(typed).orElse(typed);
				update.setString(1, cipher.encrypt(FieldCipher.PHONE, phone));
				update.setString(2, cipher.hash(FieldCipher.PHONE, phone));
				update.setString(3, PhoneNumber.mask(phone));
				update.setLong(4, rs.getLong("id"));
				update.addBatch();
				if (++done % BATCH == 0) {
					update.executeBatch();
				}
			}
			update.executeBatch();
		}
		try (Statement drop = connection.createStatement()) {
			drop.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
		}
		return done;
	}

}
