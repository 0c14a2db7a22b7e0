package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.crypto.PersonalDataKeys;

/**
 * The Java migrations V105 and V107 on tables in their V104 and V106 shapes that still holds reporter phones in clear: every phone is
 * encrypted with its search hash and masked form, the clear column is gone, and the values decrypt back.
 */
class ReporterPhoneEncryptionTests {

	final FieldCipher cipher = new FieldCipher(new PersonalDataKeys(new byte[32]));

	@Test
	void encryptsTheClearPhonesAndDropsTheClearColumn() throws SQLException {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:reporter-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			st.execute("""
					CREATE TABLE progress_report_version (id BIGINT PRIMARY KEY, reporter VARCHAR(100),
					  reporter_phone VARCHAR(40), reporter_phone_cipher VARCHAR(200), reporter_phone_hash VARCHAR(64),
					  reporter_phone_masked VARCHAR(40))
					""");
			st.execute("""
					INSERT INTO progress_report_version (id, reporter, reporter_phone) VALUES
					  (1, 'W', '138 1234 5678'), (2, 'L', ' 0471-3300123 '), (3, 'Z', NULL), (4, 'Q', '12345')
					""");
			int done = new ReporterPhoneEncryption(cipher).encryptClearPhones(c);
			assertThat(done).isEqualTo(3);
			assertThat(columns(c)).contains("REPORTER_PHONE_CIPHER", "REPORTER_PHONE_HASH", "REPORTER_PHONE_MASKED")
				.doesNotContain("REPORTER_PHONE");
			List<String[]> rows = new ArrayList<>();
			try (ResultSet rs = st.executeQuery("""
					SELECT reporter_phone_cipher, reporter_phone_hash, reporter_phone_masked
					FROM progress_report_version ORDER BY id
					""")) {
				while (rs.next()) {
					rows.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
			}
			assertThat(rows).hasSize(4);
			assertThat(rows.get(0)[0]).startsWith(FieldCipher.PREFIX).doesNotContain("13812345678");
			assertThat(cipher.decrypt(FieldCipher.PHONE, rows.get(0)[0])).isEqualTo("13812345678");
			assertThat(rows.get(0)[1]).isEqualTo(cipher.hash(FieldCipher.PHONE, "13812345678"));
			assertThat(rows.get(0)[2]).isEqualTo("138****5678");
			assertThat(cipher.decrypt(FieldCipher.PHONE, rows.get(1)[0])).isEqualTo("0471-3300123");
			assertThat(rows.get(1)[2]).isEqualTo("0471-***0123");
			assertThat(rows.get(2)).containsOnlyNulls();
			assertThat(cipher.decrypt(FieldCipher.PHONE, rows.get(3)[0])).isEqualTo("12345");
			assertThat(rows.get(3)[2]).isEqualTo("*****");
		}
	}

	@Test
	void encryptsTheCampaignContactPhones() throws SQLException {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:contact-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			st.execute("""
					CREATE TABLE campaign (id BIGINT PRIMARY KEY, contact_phone VARCHAR(40),
					  contact_phone_cipher VARCHAR(200), contact_phone_hash VARCHAR(64), contact_phone_masked VARCHAR(40))
					""");
			st.execute("INSERT INTO campaign (id, contact_phone) VALUES (1, '0471-6945106'), (2, '')");
			assertThat(new ContactPhoneEncryption(cipher).encryptClearPhones(c)).isEqualTo(1);
			try (ResultSet rs = st.executeQuery("SELECT * FROM campaign ORDER BY id")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getMetaData().getColumnCount()).isEqualTo(4);
				assertThat(cipher.decrypt(FieldCipher.PHONE, rs.getString("contact_phone_cipher")))
					.isEqualTo("0471-6945106");
				assertThat(rs.getString("contact_phone_masked")).isEqualTo("0471-***5106");
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString("contact_phone_cipher")).isNull();
			}
		}
	}

	private static List<String> columns(Connection c) throws SQLException {
		List<String> names = new ArrayList<>();
		DatabaseMetaData meta = c.getMetaData();
		try (ResultSet rs = meta.getColumns(null, null, "PROGRESS_REPORT_VERSION", null)) {
			while (rs.next()) {
				names.add(rs.getString("COLUMN_NAME"));
			}
		}
		return names;
	}

}
