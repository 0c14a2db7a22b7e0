package org.wushe.actor.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.personal.FieldChecks;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalData;
import org.wushe.personal.SealedColumns;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionScope;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.StreamingJdbc;

/**
 * The base of a registry of people (social workers, volunteers) whose rows hold a sealed ID number and phone: the
 * look-ups of registered ID numbers by their keyed hash, and reading and resealing a person's personal data.
 * {@code table} is the registry's own table name, never user input.
 */
public abstract class PersonTable extends RegistryTable {

	private final String table;

	protected PersonTable(String table, JdbcClient jdbc, StreamingJdbc streaming, NamedParameterJdbcTemplate named,
			PersonalData personalData, RegistryTally tally) {
		super(jdbc, streaming, named, personalData, tally);
		this.table = table;
	}

	/**
	 * The ID number typed into {@code field} ({@link FieldChecks#idNumber}), with an error when another person than
	 * {@code existingId} (null on registering, when the number is required) is registered with it already.
	 */
	public IdNumber newIdNumber(FieldChecks c, String field, String text, LocalDate today, Long existingId) {
		IdNumber idNumber = c.idNumber(field, text, today, existingId == null);
		if (idNumber != null && idNumberTaken(personalData.searchHash(idNumber), existingId)) {
			c.add(field, "actor.id-number.taken");
		}
		return idNumber;
	}

	/** Whether a person other than {@code except} has this ID-number hash. */
	public boolean idNumberTaken(String hash, Long except) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id_number_hash = :hash AND id <> :except")
			.param("hash", hash)
			.param("except", except == null ? -1L : except)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Which of these ID-number hashes are registered already (imports check a whole batch at once): one prepared
	 * unique-index look-up per hash on one connection. Not an {@code IN} list: on PostgreSQL a prepared statement with
	 * hundreds of parameters gets a generic plan that scans the table and compares every row with every parameter,
	 * which made a 50,000-row import spend most of its time there.
	 */
	public List<String> takenIdNumbers(List<String> hashes) {
		if (hashes.isEmpty()) {
			return List.of();
		}
		return named.getJdbcTemplate().execute((ConnectionCallback<List<String>>) connection -> {
			List<String> taken = new ArrayList<>();
			try (PreparedStatement ps = connection
				.prepareStatement("SELECT 1 FROM " + table + " WHERE id_number_hash = ?")) {
				for (String hash : hashes) {
					ps.setString(1, hash);
					try (ResultSet rs = ps.executeQuery()) {
						if (rs.next()) {
							taken.add(hash);
						}
					}
				}
			}
			return taken;
		});
	}

	/** The full ciphertexts of one person. */
	public record SealedPerson(String idNumber, String phone, String regionCode) {
	}

	/** The ciphertexts of person {@code id}, in the scope. */
	public Optional<SealedPerson> sealedPerson(RegionScope scope, long id) {
		return ScopedRows.one(jdbc, """
				SELECT id_number_cipher AS id_number, phone_cipher AS phone, region_code FROM %s
				WHERE id = :key AND region_code >= :from AND region_code < :to
				""".formatted(table), scope, id, SealedPerson.class);
	}

	/** Stores person {@code id}'s new ID number and phone; a null one keeps the stored value. */
	protected void resealPerson(long id, SealedValue idNumber, SealedValue phone) {
		if (idNumber != null) {
			SealedColumns.reseal(jdbc, table, "id_number", idNumber, "id", id);
		}
		if (phone != null) {
			SealedColumns.reseal(jdbc, table, "phone", phone, "id", id);
		}
	}

}
