package org.wushe.actor.registry;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Optional;

import org.wushe.personal.PersonalData;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionScope;

/**
 * The base of a registry's repository: the clients it reads and writes with ({@code jdbc}; {@code streaming} for
 * exports, inside a read-only transaction; {@code named} for batch inserts), the exact searches of personal data
 * ({@code personalData}) and the figures every insert and update keeps current ({@code tally}). The SQL steps all
 * registries take alike are in {@link ScopedRows}.
 */
public abstract class RegistryTable {

	protected final JdbcClient jdbc;

	protected final JdbcClient streaming;

	protected final NamedParameterJdbcTemplate named;

	protected final PersonalData personalData;

	protected final RegistryTally tally;

	protected RegistryTable(JdbcClient jdbc, StreamingJdbc streaming, NamedParameterJdbcTemplate named,
			PersonalData personalData, RegistryTally tally) {
		this.jdbc = jdbc;
		this.streaming = streaming.client();
		this.named = named;
		this.personalData = personalData;
		this.tally = tally;
	}

	/** The full ciphertexts of one person of a registry. */
	public record SealedPerson(String idNumber, String phone, String regionCode) {
	}

	/** The ciphertexts of person {@code id} of {@code table}, in the scope. */
	protected Optional<SealedPerson> sealedPerson(String table, RegionScope scope, long id) {
		return ScopedRows.one(jdbc, """
				SELECT id_number_cipher AS id_number, phone_cipher AS phone, region_code FROM %s
				WHERE id = :key AND region_code >= :from AND region_code < :to
				""".formatted(table), scope, id, SealedPerson.class);
	}

	/** Stores person {@code id}'s new ID number and phone in {@code table}; a null one keeps the stored value. */
	protected void resealPerson(String table, long id, SealedValue idNumber, SealedValue phone) {
		if (idNumber != null) {
			ScopedRows.reseal(jdbc, table, "id_number", idNumber, "id", id);
		}
		if (phone != null) {
			ScopedRows.reseal(jdbc, table, "phone", phone, "id", id);
		}
	}

}
