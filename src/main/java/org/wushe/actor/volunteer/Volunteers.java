package org.wushe.actor.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.personal.PersonalData;
import org.wushe.personal.SealedValue;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegistryTally;
import org.wushe.actor.registry.IdNumberHashes;
import org.wushe.actor.registry.StreamingJdbc;
import org.wushe.actor.registry.TextList;
import org.wushe.region.RegionScope;

/** Volunteer rows; every read bound to a region range. */
@Repository
class Volunteers {

	static final String COLUMNS = """
			v.id, v.volunteer_number, v.name, v.id_number_masked, v.phone_masked, v.region_code, r.name AS region_name,
			v.teams, v.skills, v.status, v.created_at, v.created_by, v.updated_at, v.updated_by""";

	static final String INSERT = """
			INSERT INTO volunteer (volunteer_number, name, name_initials, id_number_cipher, id_number_hash,
			    id_number_masked, phone_cipher, phone_hash, phone_masked, region_code, teams, skills, status,
			    created_at, created_by, updated_at, updated_by)
			VALUES (:number, :name, :initials, :idCipher, :idHash, :idMasked, :phoneCipher, :phoneHash, :phoneMasked,
			    :region, :teams, :skills, :status, :at, :by, :at, :by)
			""";

	/** A checked volunteer ready to store; {@code idNumber}/{@code phone} null on update mean "keep". */
	record Values(String name, SealedValue idNumber, SealedValue phone, String regionCode, List<String> teams,
			List<String> skills, VolunteerStatus status) {
	}

	/** Full ciphertexts of one volunteer. */
	record Sealed(String idNumber, String phone, String regionCode) {
	}

	/** Rows with the ciphertexts too, for exports. */
	record Exported(Volunteer volunteer, String idNumberCipher, String phoneCipher) {
	}

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	private final JdbcTemplate plain;

	private final PersonalData personalData;

	private final RegistryTally tally;

	Volunteers(JdbcClient jdbc, StreamingJdbc streaming, JdbcTemplate plain, PersonalData personalData,
			RegistryTally tally) {
		this.jdbc = jdbc;
		this.tally = tally;
		this.streaming = streaming.client();
		this.plain = plain;
		this.personalData = personalData;
	}

	/** What a volunteer counts as in the figures: nothing once withdrawn. */
	static RegistryTally.Counted counted(VolunteerStatus status, String regionCode) {
		return status == VolunteerStatus.WITHDRAWN ? null
				: new RegistryTally.Counted(RegistryTally.Category.VOLUNTEER, regionCode);
	}

	long insert(String number, Values v, Timestamp at, String by) {
		tally.change(null, counted(v.status(), v.regionCode()));
		return GeneratedIds.returningId(jdbc.sql(INSERT).params(params(number, v, at, by)));
	}

	/** Inserts many volunteers at once (imports); {@code numbers} in the order of {@code values}. */
	void insertAll(List<String> numbers, List<Values> values, Timestamp at, String by) {
		tally.added(values.stream().map(v -> counted(v.status(), v.regionCode())).toList());
		List<Object[]> batch = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			Values v = values.get(i);
			batch.add(new Object[] { numbers.get(i), v.name(), NameInitials.of(v.name()), v.idNumber().cipherText(),
					v.idNumber().searchHash(), v.idNumber().masked(), v.phone() == null ? null : v.phone().cipherText(),
					v.phone() == null ? null : v.phone().searchHash(), v.phone() == null ? null : v.phone().masked(),
					v.regionCode(), TextList.join(v.teams()), TextList.join(v.skills()), v.status().name(), at, by, at,
					by });
		}
		plain.batchUpdate("""
				INSERT INTO volunteer (volunteer_number, name, name_initials, id_number_cipher, id_number_hash,
				    id_number_masked, phone_cipher, phone_hash, phone_masked, region_code, teams, skills, status,
				    created_at, created_by, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", batch);
	}

	void update(long id, Values v, Timestamp at, String by) {
		RegistryTally.Counted before = jdbc.sql("SELECT status, region_code FROM volunteer WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> counted(VolunteerStatus.valueOf(rs.getString(1)), rs.getString(2)))
			.optional()
			.orElse(null);
		tally.change(before, counted(v.status(), v.regionCode()));
		jdbc.sql("""
				UPDATE volunteer SET name = :name, name_initials = :initials, region_code = :region, teams = :teams,
				    skills = :skills, status = :status, updated_at = :at, updated_by = :by
				WHERE id = :id
				""").params(params(null, v, at, by)).param("id", id).update();
		if (v.idNumber() != null) {
			jdbc.sql("""
					UPDATE volunteer SET id_number_cipher = :idCipher, id_number_hash = :idHash,
					    id_number_masked = :idMasked WHERE id = :id
					""").params(params(null, v, at, by)).param("id", id).update();
		}
		if (v.phone() != null) {
			jdbc.sql("""
					UPDATE volunteer SET phone_cipher = :phoneCipher, phone_hash = :phoneHash,
					    phone_masked = :phoneMasked WHERE id = :id
					""").params(params(null, v, at, by)).param("id", id).update();
		}
	}

	private static Map<String, Object> params(String number, Values v, Timestamp at, String by) {
		Map<String, Object> p = new HashMap<>();
		p.put("number", number);
		p.put("name", v.name());
		p.put("initials", NameInitials.of(v.name()));
		p.put("idCipher", v.idNumber() == null ? null : v.idNumber().cipherText());
		p.put("idHash", v.idNumber() == null ? null : v.idNumber().searchHash());
		p.put("idMasked", v.idNumber() == null ? null : v.idNumber().masked());
		p.put("phoneCipher", v.phone() == null ? null : v.phone().cipherText());
		p.put("phoneHash", v.phone() == null ? null : v.phone().searchHash());
		p.put("phoneMasked", v.phone() == null ? null : v.phone().masked());
		p.put("region", v.regionCode());
		p.put("teams", TextList.join(v.teams()));
		p.put("skills", TextList.join(v.skills()));
		p.put("status", v.status().name());
		p.put("at", at);
		p.put("by", by);
		return p;
	}

	boolean idNumberTaken(String hash, Long except) {
		return IdNumberHashes.taken(jdbc, "volunteer", hash, except);
	}

	/** Which of these ID-number hashes are registered already (imports). */
	List<String> takenIdNumbers(List<String> hashes) {
		return IdNumberHashes.takenAmong(plain, "volunteer", hashes);
	}

	Optional<Volunteer> find(RegionScope scope, long id) {
		return jdbc.sql("SELECT " + COLUMNS + """

				FROM volunteer v LEFT JOIN region r ON r.code = v.region_code
				WHERE v.id = :id AND v.region_code >= :from AND v.region_code < :to
				""")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Volunteers::map)
			.optional();
	}

	Optional<Sealed> sealed(RegionScope scope, long id) {
		return jdbc.sql("""
				SELECT id_number_cipher AS id_number, phone_cipher AS phone, region_code FROM volunteer
				WHERE id = :id AND region_code >= :from AND region_code < :to
				""")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Sealed.class)
			.optional();
	}

	List<Volunteer> list(ListQuery q) {
		return select(q, false).param("limit", q.size() + 1).param("offset", q.offset()).query(Volunteers::map).list();
	}

	Stream<Exported> stream(ListQuery q) {
		return select(q, true).param("limit", Integer.MAX_VALUE)
			.param("offset", 0)
			.query((rs, n) -> new Exported(map(rs, n), rs.getString("id_number_cipher"), rs.getString("phone_cipher")))
			.stream();
	}

	private JdbcClient.StatementSpec select(ListQuery q, boolean withCiphers) {
		PersonalData.ExactSearch exact = personalData.exactSearch("volunteer", q.text());
		String idHash = exact.idHash();
		String phoneHash = exact.phoneHash();
		return (withCiphers ? streaming : jdbc).sql("SELECT " + COLUMNS + (withCiphers ? ", v.id_number_cipher, v.phone_cipher" : "") + """

				FROM volunteer v LEFT JOIN region r ON r.code = v.region_code
				WHERE v.region_code >= :from AND v.region_code < :to
				  AND (:status = '' OR v.status = :status)
				  AND (:text = '' OR LOWER(v.name) LIKE :pattern ESCAPE '\\'
				       OR (:initials <> '' AND v.name_initials LIKE :initials)
				       OR v.volunteer_number = :text
				       OR (:skill <> '' AND (LOWER(v.skills) LIKE :pattern ESCAPE '\\' OR LOWER(v.teams) LIKE :pattern ESCAPE '\\'))
				       OR (:idHash <> '' AND v.id_number_hash = :idHash)
				       OR (:phoneHash <> '' AND v.phone_hash = :phoneHash))
				ORDER BY v.id DESC
				LIMIT :limit OFFSET :offset
				""")
			.params(q.params())
			.param("skill", q.text())
			.param("idHash", idHash)
			.param("phoneHash", phoneHash);
	}

	/** Volunteers per child region, split by status. */
	List<RegionBreakdown.Part> counts(RegionScope scope, int prefixLength) {
		return jdbc.sql("""
				SELECT t.prefix, t.status, COUNT(*) AS n
				FROM (SELECT SUBSTRING(region_code, 1, :length) AS prefix, status FROM volunteer
				      WHERE region_code >= :from AND region_code < :to AND status <> 'WITHDRAWN') t
				GROUP BY t.prefix, t.status
				""")
			.param("length", prefixLength)
			.param("from", scope.from())
			.param("to", scope.to())
			.query((rs, n) -> new RegionBreakdown.Part(rs.getString("prefix"), rs.getString("status"), rs.getLong("n")))
			.list();
	}

	static Volunteer map(ResultSet rs, int n) throws SQLException {
		return new Volunteer(rs.getLong("id"), rs.getString("volunteer_number"), rs.getString("name"),
				rs.getString("id_number_masked"), rs.getString("phone_masked"), rs.getString("region_code"),
				rs.getString("region_name"), TextList.stored(rs.getString("teams")),
				TextList.stored(rs.getString("skills")), VolunteerStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

}
