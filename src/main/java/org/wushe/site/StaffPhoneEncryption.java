package org.wushe.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import org.wushe.shared.crypto.FieldCipher;

/**
 * Flyway migration V13: encrypts the staff phones stored in clear before V12 into {@code phone_cipher} with their
 * search hash, then drops the clear column. It runs in the migration's transaction, so a failure leaves the clear
 * column untouched; plain JDBC, the same on H2 and PostgreSQL. Spring Boot hands this bean to Flyway, which gives it
 * the personal-data key.
 */
@Component
class StaffPhoneEncryption implements JavaMigration {

	private static final int BATCH = 500;

	private final FieldCipher cipher;

	StaffPhoneEncryption(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("13");
	}

	@Override
	public String getDescription() {
		return "site staff phone encrypted";
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
				ResultSet rs = select
					.executeQuery("SELECT site_id, seq, phone FROM site_staff WHERE phone IS NOT NULL AND phone <> ''");
				PreparedStatement update = connection.prepareStatement(
						"UPDATE site_staff SET phone_cipher = ?, phone_hash = ? WHERE site_id = ? AND seq = ?")) {
			while (rs.next()) {
				String phone = rs.getString("phone").strip();
				update.setString(1, cipher.encrypt(FieldCipher.PHONE, phone));
				update.setString(2, cipher.hash(FieldCipher.PHONE, phone));
				update.setLong(3, rs.getLong("site_id"));
				update.setInt(4, rs.getInt("seq"));
				update.addBatch();
				if (++done % BATCH == 0) {
					update.executeBatch();
				}
			}
			update.executeBatch();
		}
		try (Statement drop = connection.createStatement()) {
			drop.execute("ALTER TABLE site_staff DROP COLUMN phone");
		}
		return done;
	}

}
