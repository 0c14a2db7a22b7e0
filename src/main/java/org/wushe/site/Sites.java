package org.wushe.site;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wushe.region.RegionCode;
import org.wushe.shared.Like;
import org.wushe.shared.NameInitials;
import org.wushe.shared.crypto.FieldCipher;

/**
 * Storage of sites with their service lists and staff. Every list query binds its region range as parameters. Staff
 * phones are personal data: stored AES-GCM encrypted with a keyed search hash, never in clear.
 */
@Repository
@RequiredArgsConstructor
class Sites {

	private static final Logger log = LoggerFactory.getLogger(Sites.class);

	static final String COLUMNS = """
			s.id, s.site_type, s.region_code, r.name AS region_name, s.name, s.address, s.phone, s.opening_hours,
			s.service_content, s.service_process, s.status, s.planned_on, s.opened_on, s.suspended_on, s.closed_on,
			s.latitude, s.longitude, s.created_at, s.created_by, s.updated_at, s.updated_by, s.version, s.public_id""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	/** Inserts the site with its items and staff and answers its id. */
	long insert(Site s) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO site (site_type, region_code, active_region, name, name_initials, address, phone,
				  opening_hours, service_content, service_process, status, planned_on, opened_on, suspended_on,
				  closed_on, latitude, longitude, created_at, created_by, updated_at, updated_by, version, public_id)
				VALUES (:type, :region, :active, :name, :initials, :address, :phone, :hours, :content, :process,
				  :status, :planned, :opened, :suspended, :closed, :lat, :lon, :createdAt, :createdBy, :updatedAt,
				  :updatedBy, 0, :publicId)
				""")
			.params(params(s))
			.param("createdAt", Timestamp.from(s.createdAt()))
			.param("createdBy", s.createdBy())
			.param("publicId", PublicIds.next())
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		insertChildren(id, s);
		return id;
	}

	/** Updates the site if it still has {@code expectedVersion}; answers whether it did. */
	boolean update(Site s, int expectedVersion) {
		int n = jdbc.sql("""
				UPDATE site SET active_region = :active, name = :name, name_initials = :initials, address = :address,
				  phone = :phone, opening_hours = :hours, service_content = :content, service_process = :process,
				  status = :status, planned_on = :planned, opened_on = :opened, suspended_on = :suspended,
				  closed_on = :closed, latitude = :lat, longitude = :lon, updated_at = :updatedAt,
				  updated_by = :updatedBy, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.params(params(s))
			.param("id", s.id())
			.param("version", expectedVersion)
			.update();
		if (n == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM site_service_item WHERE site_id = :id").param("id", s.id()).update();
		jdbc.sql("DELETE FROM site_staff WHERE site_id = :id").param("id", s.id()).update();
		insertChildren(s.id(), s);
		return true;
	}

	private static Map<String, Object> params(Site s) {
		Map<String, Object> p = new HashMap<>();
		p.put("type", s.type().name());
		p.put("region", s.regionCode().value());
		p.put("active", s.isActive() ? s.regionCode().value() : null);
		p.put("name", s.name());
		p.put("initials", NameInitials.of(s.name()));
		p.put("address", s.address());
		p.put("phone", s.phone());
		p.put("hours", s.openingHours());
		p.put("content", s.serviceContent());
		p.put("process", s.serviceProcess());
		p.put("status", s.status().name());
		p.put("planned", date(s.plannedOn()));
		p.put("opened", date(s.openedOn()));
		p.put("suspended", date(s.suspendedOn()));
		p.put("closed", date(s.closedOn()));
		p.put("lat", s.latitude());
		p.put("lon", s.longitude());
		p.put("updatedAt", Timestamp.from(s.updatedAt()));
		p.put("updatedBy", s.updatedBy());
		return p;
	}

	private void insertChildren(long id, Site s) {
		for (int i = 0; i < s.serviceItems().size(); i++) {
			ServiceItem item = s.serviceItems().get(i);
			jdbc.sql("""
					INSERT INTO site_service_item (site_id, seq, region_code, name, description)
					VALUES (:id, :seq, :region, :name, :description)
					""")
				.param("id", id)
				.param("seq", i)
				.param("region", s.regionCode().value())
				.param("name", item.name())
				.param("description", item.description())
				.update();
		}
		for (int i = 0; i < s.staff().size(); i++) {
			StaffMember m = s.staff().get(i);
			boolean hasPhone = m.phone() != null && !m.phone().isBlank();
			jdbc.sql("""
					INSERT INTO site_staff (site_id, seq, region_code, name, post, phone_cipher, phone_hash, phone_public,
					  worker_id)
					VALUES (:id, :seq, :region, :name, :post, :cipher, :hash, :public, :worker)
					""")
				.param("id", id)
				.param("seq", i)
				.param("region", s.regionCode().value())
				.param("name", m.name())
				.param("post", m.post())
				.param("cipher", hasPhone ? cipher.encrypt(FieldCipher.PHONE, m.phone().strip()) : null)
				.param("hash", hasPhone ? cipher.hash(FieldCipher.PHONE, m.phone().strip()) : null)
				.param("public", m.phonePublic())
				.param("worker", m.workerId())
				.update();
		}
	}

	/** The site with {@code id} if its region lies in {@code [from, to)}. */
	Optional<Site> find(long id, String from, String to) {
		Optional<Site> site = jdbc.sql("SELECT " + COLUMNS + """
				 FROM site s LEFT JOIN region r ON r.code = s.region_code
				WHERE s.id = :id AND s.region_code >= :from AND s.region_code < :to
				""")
			.param("id", id)
			.param("from", from)
			.param("to", to)
			.query(Sites::site)
			.optional();
		return site.map(this::withChildren);
	}

	/** The site with the opaque public id {@code publicId}, wherever it lies. */
	Optional<Site> findByPublicId(String publicId) {
		Optional<Site> site = jdbc.sql("SELECT " + COLUMNS + """
				 FROM site s LEFT JOIN region r ON r.code = s.region_code
				WHERE s.public_id = :publicId
				""").param("publicId", publicId).query(Sites::site).optional();
		return site.map(this::withChildren);
	}

	/** The status of the site with {@code id} if its region lies in {@code [from, to)}. */
	Optional<SiteStatus> status(long id, String from, String to) {
		return jdbc.sql("SELECT status FROM site WHERE id = :id AND region_code >= :from AND region_code < :to")
			.param("id", id)
			.param("from", from)
			.param("to", to)
			.query(SiteStatus.class)
			.optional();
	}

	/** Id and name of the site that is not closed on {@code region}, if any. */
	Optional<ActiveSite> active(RegionCode region) {
		return jdbc.sql("SELECT id, name FROM site WHERE active_region = :region")
			.param("region", region.value())
			.query(ActiveSite.class)
			.optional();
	}

	record ActiveSite(long id, String name) {
	}

	private Site withChildren(Site s) {
		List<ServiceItem> items = jdbc
			.sql("SELECT name, description FROM site_service_item WHERE site_id = :id ORDER BY seq")
			.param("id", s.id())
			.query(ServiceItem.class)
			.list();
		List<StaffMember> staff = jdbc.sql("""
				SELECT name, post, phone_cipher, phone_public, worker_id FROM site_staff WHERE site_id = :id ORDER BY seq
				""")
			.param("id", s.id())
			.query((rs, n) -> new StaffMember(rs.getString("name"), rs.getString("post"),
					openPhone(s.id(), rs.getString("phone_cipher")),
					rs.getBoolean("phone_public"), (Long) rs.getObject("worker_id", Long.class)))
			.list();
		return new Site(s.id(), s.type(), s.regionCode(), s.regionName(), s.name(), s.address(), s.phone(),
				s.openingHours(), s.serviceContent(), items, staff, s.serviceProcess(), s.status(), s.plannedOn(),
				s.openedOn(), s.suspendedOn(), s.closedOn(), s.latitude(), s.longitude(), s.createdAt(),
				s.createdBy(), s.updatedAt(), s.updatedBy(), s.version(), s.publicId());
	}

	/** The clear phone of a sealed one; {@code null} (and a warning) if it fails authentication. */
	private String openPhone(long siteId, String sealed) {
		if (sealed == null) {
			return null;
		}
		try {
			return cipher.decrypt(FieldCipher.PHONE, sealed);
		}
		catch (FieldCipher.TamperedException ex) {
			log.warn("A staff phone of site {} fails authentication (altered or another key); shown as none", siteId);
			return null;
		}
	}

	/** One page of the list in {@code [from, to)}, filtered; {@code limit} rows from {@code offset}. */
	List<SiteRow> list(String from, String to, SiteQuery q, int offset, int limit) {
		return listing(from, to, q).param("limit", limit).param("offset", offset).query(SiteRow.class).list();
	}

	/** The whole filtered list, for exports; close the stream. */
	Stream<SiteRow> stream(String from, String to, SiteQuery q) {
		return listing(from, to, q).param("limit", Integer.MAX_VALUE).param("offset", 0).query(SiteRow.class).stream();
	}

	private JdbcClient.StatementSpec listing(String from, String to, SiteQuery q) {
		String text = q.text();
		String pattern = "%" + escape(text) + "%";
		String initials = NameInitials.isInitials(text) ? "%" + escape(text.toLowerCase(java.util.Locale.ROOT)) + "%"
				: "";
		return jdbc.sql("""
				SELECT s.id, s.site_type AS type, s.region_code, r.name AS region_name, s.name, s.address, s.phone,
				  s.opening_hours, s.status, s.opened_on, s.updated_at,
				  (SELECT COUNT(*) FROM site_staff f WHERE f.site_id = s.id) AS staff_count,
				  (SELECT COUNT(*) FROM site_service_item i WHERE i.site_id = s.id) AS item_count
				FROM site s LEFT JOIN region r ON r.code = s.region_code
				WHERE s.region_code >= :from AND s.region_code < :to
				  AND (:type = '' OR s.site_type = :type)
				  AND (:status = '' OR s.status = :status)
				  AND (:text = '' OR s.name LIKE :pattern ESCAPE '\\' OR s.region_code = :text
				       OR (:initials <> '' AND s.name_initials LIKE :initials ESCAPE '\\'))
				ORDER BY s.region_code, s.site_type, s.id
				LIMIT :limit OFFSET :offset
				""")
			.param("from", from)
			.param("to", to)
			.param("type", q.type() == null ? "" : q.type().name())
			.param("status", q.status() == null ? "" : q.status().name())
			.param("text", text)
			.param("pattern", pattern)
			.param("initials", initials);
	}

	private static String escape(String s) {
		return Like.escape(s);
	}

	private static Site site(ResultSet rs, int n) throws SQLException {
		return new Site(rs.getLong("id"), SiteType.valueOf(rs.getString("site_type")),
				new RegionCode(rs.getString("region_code")), rs.getString("region_name"), rs.getString("name"),
				rs.getString("address"), rs.getString("phone"), rs.getString("opening_hours"),
				rs.getString("service_content"), List.of(), List.of(), rs.getString("service_process"),
				SiteStatus.valueOf(rs.getString("status")), localDate(rs, "planned_on"), localDate(rs, "opened_on"),
				localDate(rs, "suspended_on"), localDate(rs, "closed_on"), rs.getBigDecimal("latitude"),
				rs.getBigDecimal("longitude"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version"),
				rs.getString("public_id"));
	}

	private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

}
