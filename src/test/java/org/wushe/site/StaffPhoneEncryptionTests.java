package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.crypto.PersonalDataKeys;

/**
 * The Java migration V13 on a database that still holds staff phones in clear (schema at V12): every phone is
 * encrypted with its search hash, the clear column is gone, and the values decrypt back.
 */
class StaffPhoneEncryptionTests {

	final FieldCipher cipher = new FieldCipher(new PersonalDataKeys(new byte[32]));

	@Test
	void encryptsTheClearPhonesAndDropsTheClearColumn() throws SQLException {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:staff-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(db).target("12").load().migrate();
		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			st.execute("""
					INSERT INTO site (site_type, region_code, active_region, name, name_initials, status, created_at,
					  updated_at) VALUES ('STATION', '150105006', '150105006', 'A', 'a', 'OPERATING', NOW(), NOW())
					""");
			st.execute("""
					INSERT INTO site_staff (site_id, seq, region_code, name, phone, phone_public) VALUES
					  (1, 0, '150105006', 'W', '13812345678', FALSE),
					  (1, 1, '150105006', 'L', ' 0471-3300123 ', TRUE),
					  (1, 2, '150105006', 'Z', NULL, FALSE)
					""");
		}

		Flyway.configure().dataSource(db).javaMigrations(new StaffPhoneEncryption(cipher)).load().migrate();

		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			assertThat(columns(c)).contains("PHONE_CIPHER", "PHONE_HASH").doesNotContain("PHONE");
			List<String[]> rows = new ArrayList<>();
			try (ResultSet rs = st.executeQuery("SELECT phone_cipher, phone_hash FROM site_staff ORDER BY seq")) {
				while (rs.next()) {
					rows.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0)[0]).startsWith(FieldCipher.PREFIX).doesNotContain("13812345678");
			assertThat(cipher.decrypt(FieldCipher.PHONE, rows.get(0)[0])).isEqualTo("13812345678");
			assertThat(rows.get(0)[1]).isEqualTo(cipher.hash(FieldCipher.PHONE, "13812345678"));
			assertThat(cipher.decrypt(FieldCipher.PHONE, rows.get(1)[0])).isEqualTo("0471-3300123");
			assertThat(rows.get(2)[0]).isNull();
			assertThat(rows.get(2)[1]).isNull();
		}
	}

	private static List<String> columns(Connection c) throws SQLException {
		List<String> names = new ArrayList<>();
		DatabaseMetaData meta = c.getMetaData();
		try (ResultSet rs = meta.getColumns(null, null, "SITE_STAFF", null)) {
			while (rs.next()) {
				names.add(rs.getString("COLUMN_NAME"));
			}
		}
		return names;
	}

}
