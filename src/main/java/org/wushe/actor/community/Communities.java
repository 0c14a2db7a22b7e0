package org.wushe.actor.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.personal.SealedValue;
import org.wushe.region.ListQuery;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.StreamingJdbc;
import org.wushe.region.RegionScope;
import org.wushe.personal.SealedColumns;

/** Community and grassroots-group rows; every read bound to a region range. */
@Repository
class Communities {

	static final String COLUMNS = """
			c.region_code, r.name AS region_name, c.committee_name, c.contact_person, c.contact_phone_masked,
			c.address, c.households, c.residents, c.updated_at, c.updated_by,
			(SELECT COUNT(*) FROM grassroots_group g WHERE g.region_code = c.region_code) AS group_count""";

	/** A checked community ready to store; {@code phone} null on update means "keep". */
	record Values(String regionCode, String committeeName, String contactPerson, SealedValue phone, String address,
			Integer households, Integer residents) {
	}

	/** A checked group ready to store. */
	record GroupValues(String name, GroupKind kind, boolean registered, Long organizationId, String leader,
			Integer members, String activities, GroupStatus status) {
	}

	/** A community as exported: the masked row and, for a permitted full export, the phone's ciphertext. */
	record Exported(Community community, String contactPhoneCipher) {
	}

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	Communities(JdbcClient jdbc, StreamingJdbc streaming) {
		this.jdbc = jdbc;
		this.streaming = streaming.client();
	}

	boolean exists(String regionCode) {
		return jdbc.sql("SELECT COUNT(*) FROM community WHERE region_code = :code")
			.param("code", regionCode)
			.query(Long.class)
			.single() > 0;
	}

	void insert(Values v, Timestamp at, String by) {
		jdbc.sql("""
				INSERT INTO community (region_code, committee_name, contact_person, contact_phone_cipher,
				    contact_phone_hash, contact_phone_masked, address, households, residents, created_at, created_by,
				    updated_at, updated_by)
				VALUES (:region, :committee, :contact, :phoneCipher, :phoneHash, :phoneMasked, :address, :households,
				    :residents, :at, :by, :at, :by)
				""").params(params(v, at, by)).update();
	}

	void update(Values v, Timestamp at, String by) {
		jdbc.sql("""
				UPDATE community SET committee_name = :committee, contact_person = :contact, address = :address,
				    households = :households, residents = :residents, updated_at = :at, updated_by = :by
				WHERE region_code = :region
				""").params(params(v, at, by)).update();
		if (v.phone() != null) {
			SealedColumns.reseal(jdbc, "community", "contact_phone", v.phone(), "region_code", v.regionCode());
		}
	}

	private static Map<String, Object> params(Values v, Timestamp at, String by) {
		Map<String, Object> p = new HashMap<>();
		p.put("region", v.regionCode());
		p.put("committee", v.committeeName());
		p.put("contact", v.contactPerson());
		SealedColumns.put(p, "phone", v.phone());
		p.put("address", v.address());
		p.put("households", v.households());
		p.put("residents", v.residents());
		p.put("at", at);
		p.put("by", by);
		return p;
	}

	Optional<Community> find(RegionScope scope, String regionCode) {
		return ScopedRows.find(jdbc, COLUMNS + " FROM community c LEFT JOIN region r ON r.code = c.region_code",
				"c", "region_code", scope, regionCode, Communities::map);
	}

	Optional<String> phoneCipher(RegionScope scope, String regionCode) {
		return SealedColumns.cipher(jdbc, "community", "contact_phone", "region_code", scope, regionCode);
	}

	List<Community> list(ListQuery q) {
		return ScopedRows.page(select(jdbc, q, ""), q.size(), q.offset(), Communities::map);
	}

	/** All rows matching the filters, for exports; close the stream, inside a transaction. */
	Stream<Exported> stream(ListQuery q) {
		return ScopedRows.all(select(streaming, q, ", c.contact_phone_cipher"))
			.query((rs, n) -> new Exported(map(rs, n), rs.getString("contact_phone_cipher")))
			.stream();
	}

	private static JdbcClient.StatementSpec select(JdbcClient client, ListQuery q, String extraColumns) {
		return client.sql("SELECT " + COLUMNS + extraColumns + """

				FROM community c LEFT JOIN region r ON r.code = c.region_code
				WHERE c.region_code >= :from AND c.region_code < :to
				  AND (:text = '' OR LOWER(r.name) LIKE :pattern ESCAPE '\\'
				       OR LOWER(c.committee_name) LIKE :pattern ESCAPE '\\' OR c.region_code = :text)
				ORDER BY c.region_code
				LIMIT :limit OFFSET :offset
				""")
			.params(q.params());
	}

	long insertGroup(String regionCode, GroupValues g, Timestamp at, String by) {
		return GeneratedIds.returningId(jdbc.sql("""
				INSERT INTO grassroots_group (region_code, name, name_initials, kind, registered, organization_id, leader,
				    members, activities, status, created_at, created_by, updated_at, updated_by)
				VALUES (:region, :name, :initials, :kind, :registered, :organization, :leader, :members, :activities,
				    :status, :at, :by, :at, :by)
				""")
			.param("region", regionCode)
			.param("name", g.name())
			.param("initials", NameInitials.of(g.name()))
			.param("kind", g.kind().name())
			.param("registered", g.registered())
			.param("organization", g.organizationId())
			.param("leader", g.leader())
			.param("members", g.members())
			.param("activities", g.activities())
			.param("status", g.status().name())
			.param("at", at)
			.param("by", by));
	}

	List<GrassrootsGroup> groups(String regionCode) {
		return jdbc.sql("""
				SELECT id, region_code, name, kind, registered, organization_id, leader, members, activities, status
				FROM grassroots_group WHERE region_code = :code ORDER BY id
				""")
			.param("code", regionCode)
			.query(GrassrootsGroup.class)
			.list();
	}

	static Community map(ResultSet rs, int n) throws SQLException {
		return new Community(rs.getString("region_code"), rs.getString("region_name"), rs.getString("committee_name"),
				rs.getString("contact_person"), rs.getString("contact_phone_masked"), rs.getString("address"),
				rs.getObject("households", Integer.class), rs.getObject("residents", Integer.class),
				rs.getLong("group_count"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

}
