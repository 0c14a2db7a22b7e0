package org.wushe.actor.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.personal.PersonalData;
import org.wushe.personal.SealedValue;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.PersonTable;
import org.wushe.actor.registry.RegistryTally;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.StreamingJdbc;
import org.wushe.actor.registry.TextList;
import org.wushe.region.RegionScope;
import org.wushe.personal.SealedColumns;

/** Volunteer rows; every read bound to a region range. */
@Repository
class Volunteers extends PersonTable {

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
	/** At most this many ids in one look-up statement. */
	static final int CHUNK = 1000;

	record Values(String name, SealedValue idNumber, SealedValue phone, String regionCode, List<String> teams,
			List<String> skills, VolunteerStatus status) {
	}

	/** Rows with the ciphertexts too, for exports. */
	record Exported(Volunteer volunteer, String idNumberCipher, String phoneCipher) {
	}

	Volunteers(JdbcClient jdbc, StreamingJdbc streaming, NamedParameterJdbcTemplate named, PersonalData personalData,
			RegistryTally tally) {
		super("volunteer", jdbc, streaming, named, personalData, tally);
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
		@SuppressWarnings("unchecked")
		Map<String, Object>[] batch = new Map[values.size()];
		for (int i = 0; i < values.size(); i++) {
			batch[i] = params(numbers.get(i), values.get(i), at, by);
		}
		named.batchUpdate(INSERT, batch);
	}

	void update(long id, Values v, Timestamp at, String by) {
		RegistryTally.Counted before = ScopedRows.locked(jdbc,
				"SELECT status, region_code FROM volunteer WHERE id = :id",
				id, (rs, n) -> counted(VolunteerStatus.valueOf(rs.getString(1)), rs.getString(2)));
		tally.change(before, counted(v.status(), v.regionCode()));
		jdbc.sql("""
				UPDATE volunteer SET name = :name, name_initials = :initials, region_code = :region, teams = :teams,
				    skills = :skills, status = :status, updated_at = :at, updated_by = :by
				WHERE id = :id
				""").params(params(null, v, at, by)).param("id", id).update();
		resealPerson(id, v.idNumber(), v.phone());
	}

	private static Map<String, Object> params(String number, Values v, Timestamp at, String by) {
		Map<String, Object> p = new HashMap<>();
		p.put("number", number);
		p.put("name", v.name());
		p.put("initials", NameInitials.of(v.name()));
		SealedColumns.put(p, "id", v.idNumber());
		SealedColumns.put(p, "phone", v.phone());
		p.put("region", v.regionCode());
		p.put("teams", TextList.join(v.teams()));
		p.put("skills", TextList.join(v.skills()));
		p.put("status", v.status().name());
		p.put("at", at);
		p.put("by", by);
		return p;
	}

	Optional<Volunteer> find(RegionScope scope, long id) {
		return ScopedRows.find(jdbc, COLUMNS + " FROM volunteer v LEFT JOIN region r ON r.code = v.region_code",
				"v", "id", scope, id, Volunteers::map);
	}

	/**
	 * The volunteers among {@code ids} that lie inside the scope, found with one statement per {@link #CHUNK} ids;
	 * unknown ids and those outside the scope are left out.
	 */
	List<Volunteer> findAll(RegionScope scope, java.util.Collection<Long> ids) {
		List<Long> distinct = ids.stream().distinct().toList();
		List<Volunteer> found = new java.util.ArrayList<>(distinct.size());
		for (int from = 0; from < distinct.size(); from += CHUNK) {
			found.addAll(ScopedRows.inScope(jdbc, "SELECT " + COLUMNS + """
					 FROM volunteer v LEFT JOIN region r ON r.code = v.region_code
					WHERE v.id IN (:ids) AND v.region_code >= :from AND v.region_code < :to
					""", scope)
				.param("ids", distinct.subList(from, Math.min(from + CHUNK, distinct.size())))
				.query(Volunteers::map)
				.list());
		}
		return found;
	}

	List<Volunteer> list(ListQuery q) {
		return ScopedRows.page(select(q, false), q.size(), q.offset(), Volunteers::map);
	}

	Stream<Exported> stream(ListQuery q) {
		return ScopedRows.all(select(q, true))
			.query((rs, n) -> new Exported(map(rs, n), rs.getString("id_number_cipher"), rs.getString("phone_cipher")))
			.stream();
	}

	private JdbcClient.StatementSpec select(ListQuery q, boolean withCiphers) {
		PersonalData.ExactSearch exact = personalData.exactSearch("volunteer", q.text());
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
			.param("idHash", exact.idHash())
			.param("phoneHash", exact.phoneHash());
	}

	/** Volunteers per child region, split by status. */
	List<RegionBreakdown.Part> counts(RegionScope scope, int prefixLength) {
		return RegionBreakdown.perChild(jdbc, "volunteer", "status", "status <> 'WITHDRAWN'", scope, prefixLength);
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
