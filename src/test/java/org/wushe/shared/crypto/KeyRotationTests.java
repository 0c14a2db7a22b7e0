package org.wushe.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Rotating the personal-data key re-seals every encrypted column (each one's SQL runs), recomputes the search hashes,
 * can be done in steps (a partial run resumes), and a second run changes nothing; rotating back lets the application,
 * which holds the original key, read and find the values again.
 */
@IntegrationTest
class KeyRotationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Environment environment;

	@Test
	void everyEncryptedColumnIsResealedOnceAndTheRotationResumes() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String idNumber = ActorTestData.idNumber("150102");
		String phone = ActorTestData.mobile();
		mvc.perform(post("/api/volunteers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"轮换","idNumber":"%s","phone":"%s","regionCode":"150102"}""".formatted(idNumber, phone)))
			.andExpect(status().isCreated());
		byte[] original = Base64.getDecoder().decode(environment.getProperty("wushe.crypto.key"));
		byte[] next = new byte[32];
		new SecureRandom().nextBytes(next);
		FieldCipher before = new FieldCipher(new PersonalDataKeys(original));
		FieldCipher after = new FieldCipher(new PersonalDataKeys(next));
		long sealed = sealedValues();
		assertThat(sealed).isGreaterThanOrEqualTo(2);
		try {
			// a first step: one batch of one value of one column
			KeyRotation.Column ids = KeyRotation.COLUMNS.stream()
				.filter(c -> c.table().equals("volunteer") && c.purpose().equals(FieldCipher.ID_NUMBER))
				.findFirst()
				.orElseThrow();
			KeyRotation.Result step = new KeyRotation(jdbc, tx, original, next, 1).run(List.of(ids), 1);
			assertThat(step.resealed()).isEqualTo(1);

			// the rest, resumed
			KeyRotation.Result rest = new KeyRotation(jdbc, tx, original, next, 3).run();
			assertThat(rest.unreadable()).isZero();
			// every value still under the old key re-sealed once (the walk may meet re-sealed values again: left alone)
			assertThat(rest.resealed()).isEqualTo(sealed - 1);
			assertThat(rest.alreadyNew()).isGreaterThanOrEqualTo(1);
			String[] row = jdbc.sql("SELECT id_number_cipher, id_number_hash, phone_cipher, phone_hash FROM volunteer WHERE name = '轮换' AND id_number_hash = :h")
				.param("h", after.hash(FieldCipher.ID_NUMBER, idNumber))
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
				.single();
			assertThat(after.decrypt(FieldCipher.ID_NUMBER, row[0])).isEqualTo(idNumber);
			assertThat(after.decrypt(FieldCipher.PHONE, row[2])).isEqualTo(phone);
			assertThat(row[3]).isEqualTo(after.hash(FieldCipher.PHONE, phone));
			assertThat(opens(before, FieldCipher.ID_NUMBER, row[0])).isFalse();

			// again: nothing to do
			KeyRotation.Result again = new KeyRotation(jdbc, tx, original, next, 500).run();
			assertThat(again.resealed()).isZero();
			assertThat(again.alreadyNew()).isEqualTo(sealed);
		}
		finally {
			KeyRotation.Result back = new KeyRotation(jdbc, tx, next, original, 500).run();
			assertThat(back.unreadable()).isZero();
		}
		// the application's key opens and finds the values again
		assertThat(sealedValues()).isEqualTo(sealed);
		mvc.perform(get("/api/volunteers").param("q", phone).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", Matchers.hasItem("轮换")));
	}

	/** How many values the encrypted columns hold. */
	long sealedValues() {
		long total = 0;
		for (KeyRotation.Column c : KeyRotation.COLUMNS) {
			total += jdbc.sql("SELECT COUNT(" + c.cipher() + ") FROM " + c.table()).query(Long.class).single();
		}
		return total;
	}

	static boolean opens(FieldCipher cipher, String purpose, String sealed) {
		try {
			cipher.decrypt(purpose, sealed);
			return true;
		}
		catch (FieldCipher.TamperedException ex) {
			return false;
		}
	}

}
