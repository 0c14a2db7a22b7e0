package org.wushe.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import org.wushe.personal.PhoneNumber;
import org.wushe.shared.crypto.FieldCipher;

/**
 * Flyway migration V105: encrypts the reporter phones of progress report versions stored in clear before V104 into
 * {@code reporter_phone_cipher} with their search hash and masked form, then drops the clear column. A valid number is
 * stored normalised; an older free-form one as typed, masked in full. It runs in the migration's transaction, so a
 * failure leaves the clear column untouched; plain JDBC, the same on H2 and PostgreSQL.
 */
@Component
class ReporterPhoneEncryption implements JavaMigration {

	private static final int BATCH = 500;

	private final FieldCipher cipher;

	ReporterPhoneEncryption(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("105");
	}

	@Override
	public String getDescription() {
		return "campaign reporter phone encrypted";
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

	/** Encrypts every clear reporter phone and drops the clear column; answers how many phones it encrypted. */
	int encryptClearPhones(Connection connection) throws SQLException {
		int done = 0;
		try (Statement select = connection.createStatement();
				ResultSet rs = select.executeQuery(
						"SELECT id, reporter_phone FROM progress_report_version WHERE reporter_phone IS NOT NULL AND reporter_phone <> ''");
				PreparedStatement update = connection.prepareStatement("""
						UPDATE progress_report_version
						SET reporter_phone_cipher = ?, reporter_phone_hash = ?, reporter_phone_masked = ? WHERE id = ?
						""")) {
			while (rs.next()) {
				String typed = rs.getString("reporter_phone").strip();
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
			drop.execute("ALTER TABLE progress_report_version DROP COLUMN reporter_phone");
		}
		return done;
	}

}
