package org.wushe.site;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.migration.RowMigration;

/**
 * Flyway migration V13: encrypts the staff phones stored in clear before V12 into {@code phone_cipher} with their
 * search hash, then drops the clear column. It runs in the migration's transaction, so a failure leaves the clear
 * column untouched; plain JDBC, the same on H2 and PostgreSQL. Spring Boot hands this bean to Flyway, which gives it
 * the personal-data key.
 */
@Component
class StaffPhoneEncryption extends RowMigration {

	private final FieldCipher cipher;

	StaffPhoneEncryption(FieldCipher cipher) {
		super("13", "site staff phone encrypted");
		this.cipher = cipher;
	}

	/** Encrypts every clear phone and drops the clear column; answers how many phones it encrypted. */
	int encryptClearPhones(Connection connection) throws SQLException {
		return migrate(connection);
	}

	@Override
	protected int migrate(JdbcTemplate jdbc) {
		int done = rewriteEach(jdbc, "SELECT site_id, seq, phone FROM site_staff WHERE phone IS NOT NULL AND phone <> ''",
				"UPDATE site_staff SET phone_cipher = ?, phone_hash = ? WHERE site_id = ? AND seq = ?", row -> {
					String phone = row.getString("phone").strip();
					return new Object[] { cipher.encrypt(FieldCipher.PHONE, phone),
							cipher.hash(FieldCipher.PHONE, phone), row.getLong("site_id"), row.getInt("seq") };
				});
		jdbc.execute("ALTER TABLE site_staff DROP COLUMN phone");
		return done;
	}

}
