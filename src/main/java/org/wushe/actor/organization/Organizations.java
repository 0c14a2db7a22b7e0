package org.wushe.actor.organization;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.actor.OrganizationKind;
import org.wushe.personal.PersonalData;
import org.wushe.personal.SealedValue;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegistryTable;
import org.wushe.actor.registry.RegistryTally;
import org.wushe.actor.registry.RegistryTally.Category;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.StreamingJdbc;
import org.wushe.actor.registry.TextList;
import org.wushe.region.RegionScope;
import org.wushe.personal.SealedColumns;

/**
 * Organization rows. Every read is bound to a region range ({@code region_code >= :from AND region_code < :to}).
 */
@Repository
class Organizations extends RegistryTable {

	static final String COLUMNS = """
			o.id, o.name, o.credit_code, o.credit_code_warning, o.kind, o.region_code, r.name AS region_name,
			o.legal_representative, o.contact_person, o.contact_phone_masked, o.address, o.service_domains, o.status,
			o.registered_on, o.created_at, o.created_by, o.updated_at, o.updated_by""";

	static final String INSERT = """
			INSERT INTO organization (name, name_initials, credit_code, credit_code_warning, kind, region_code,
			    legal_representative, contact_person, contact_phone_cipher, contact_phone_hash, contact_phone_masked,
			    address, service_domains, status, registered_on, created_at, created_by, updated_at, updated_by)
			VALUES (:name, :initials, :creditCode, :warning, :kind, :region, :rep, :contact, :phoneCipher, :phoneHash,
			    :phoneMasked, :address, :domains, :status, :registeredOn, :at, :by, :at, :by)
			""";

	/** A checked organization ready to store. */
	record Values(String name, String creditCode, boolean creditCodeWarning, OrganizationKind kind, String regionCode,
			String legalRepresentative, String contactPerson, SealedValue contactPhone, String address,
			List<OrganizationDomain> serviceDomains, OrganizationStatus status, java.time.LocalDate registeredOn) {
	}

	Organizations(JdbcClient jdbc, StreamingJdbc streaming, NamedParameterJdbcTemplate named, PersonalData personalData,
			RegistryTally tally) {
		super(jdbc, streaming, named, personalData, tally);
	}

	/** What an organization counts as in the figures: nothing once deregistered. */
	static RegistryTally.Counted counted(OrganizationKind kind, OrganizationStatus status, String regionCode) {
		if (status == OrganizationStatus.DEREGISTERED) {
			return null;
		}
		return new RegistryTally.Counted(
				kind == OrganizationKind.SOCIAL_WORK_AGENCY ? Category.AGENCY : Category.ORGANIZATION, regionCode);
	}

	private static RegistryTally.Counted counted(Values v) {
		return counted(v.kind(), v.status(), v.regionCode());
	}

	long insert(Values v, Timestamp at, String by) {
		tally.change(null, counted(v));
		return GeneratedIds.returningId(jdbc.sql(INSERT).params(params(v, at, by)));
	}

	void update(long id, Values v, boolean keepPhone, Timestamp at, String by) {
		RegistryTally.Counted before = ScopedRows.locked(jdbc,
				"SELECT kind, status, region_code FROM organization WHERE id = :id", id,
				(rs, n) -> counted(OrganizationKind.valueOf(rs.getString(1)),
						OrganizationStatus.valueOf(rs.getString(2)), rs.getString(3)));
		tally.change(before, counted(v));
		jdbc.sql("""
				UPDATE organization SET name = :name, name_initials = :initials, credit_code = :creditCode,
				    credit_code_warning = :warning, kind = :kind, region_code = :region, legal_representative = :rep,
				    contact_person = :contact, address = :address, service_domains = :domains, status = :status,
				    registered_on = :registeredOn, updated_at = :at, updated_by = :by
				WHERE id = :id
				""")
			.params(params(v, at, by))
			.param("id", id)
			.update();
		if (!keepPhone) {
			SealedColumns.reseal(jdbc, "organization", "contact_phone", v.contactPhone(), "id", id);
		}
	}

	private static Map<String, Object> params(Values v, Timestamp at, String by) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", v.name());
		p.put("initials", NameInitials.of(v.name()));
		p.put("creditCode", v.creditCode());
		p.put("warning", v.creditCodeWarning());
		p.put("kind", v.kind().name());
		p.put("region", v.regionCode());
		p.put("rep", v.legalRepresentative());
		p.put("contact", v.contactPerson());
		SealedColumns.put(p, "phone", v.contactPhone());
		p.put("address", v.address());
		p.put("domains", TextList.join(v.serviceDomains().stream().map(Enum::name).toList()));
		p.put("status", v.status().name());
		p.put("registeredOn", v.registeredOn() == null ? null : Date.valueOf(v.registeredOn()));
		p.put("at", at);
		p.put("by", by);
		return p;
	}

	boolean creditCodeTaken(String creditCode, Long except) {
		return jdbc.sql("SELECT COUNT(*) FROM organization WHERE credit_code = :code AND id <> :except")
			.param("code", creditCode)
			.param("except", except == null ? -1L : except)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Organization> find(RegionScope scope, long id) {
		return ScopedRows.find(jdbc, COLUMNS + " FROM organization o LEFT JOIN region r ON r.code = o.region_code",
				"o", "id", scope, id, Organizations::map);
	}

	/** The contact phone's ciphertext of an organization in scope. */
	Optional<String> contactPhoneCipher(RegionScope scope, long id) {
		return SealedColumns.cipher(jdbc, "organization", "contact_phone", "id", scope, id);
	}

	List<Organization> list(ListQuery q) {
		return ScopedRows.page(select(q, false), q.size(), q.offset(), Organizations::map);
	}

	/** A row with the contact phone's ciphertext, for exports. */
	record Exported(Organization organization, String contactPhoneCipher) {
	}

	/** All rows matching the filters, for exports; close the stream, inside a transaction. */
	Stream<Exported> stream(ListQuery q) {
		return ScopedRows.all(select(q, true))
			.query((rs, n) -> new Exported(map(rs, n), rs.getString("contact_phone_cipher")))
			.stream();
	}

	/** Inserts many organizations at once (imports). */
	void insertAll(List<Values> values, Timestamp at, String by) {
		tally.added(values.stream().map(Organizations::counted).toList());
		@SuppressWarnings("unchecked")
		Map<String, Object>[] batch = values.stream().map(v -> params(v, at, by)).toArray(Map[]::new);
		named.batchUpdate(INSERT, batch);
	}

	/** An organization in scope by its credit code (imports name employers by code). */
	Optional<Long> idByCreditCode(RegionScope scope, String creditCode) {
		return ScopedRows.one(jdbc, """
				SELECT id FROM organization WHERE credit_code = :key AND region_code >= :from AND region_code < :to
				""", scope, creditCode, Long.class);
	}

	private JdbcClient.StatementSpec select(ListQuery q, boolean streamed) {
		String upper = q.text().toUpperCase(Locale.ROOT);
		String phoneHash = personalData.exactSearch("organization", q.text()).phoneHash();
		return (streamed ? streaming : jdbc).sql("SELECT " + COLUMNS + (streamed ? ", o.contact_phone_cipher" : "") + """

				FROM organization o LEFT JOIN region r ON r.code = o.region_code
				WHERE o.region_code >= :from AND o.region_code < :to
				  AND (:kind = '' OR o.kind = :kind)
				  AND (:status = '' OR o.status = :status)
				  AND (:text = '' OR LOWER(o.name) LIKE :pattern ESCAPE '\\'
				       OR (:initials <> '' AND o.name_initials LIKE :initials)
				       OR o.credit_code = :upper OR (:phoneHash <> '' AND o.contact_phone_hash = :phoneHash))
				ORDER BY o.id DESC
				LIMIT :limit OFFSET :offset
				""")
			.params(q.params())
			.param("upper", upper)
			.param("phoneHash", phoneHash);
	}

	/** Counts per child region and kind. */
	List<RegionBreakdown.Part> countByKind(RegionScope scope, int prefixLength) {
		return RegionBreakdown.perChild(jdbc, "organization", "kind", "status <> 'DEREGISTERED'", scope, prefixLength);
	}

	static Organization map(ResultSet rs, int n) throws SQLException {
		String domains = rs.getString("service_domains");
		Date registered = rs.getDate("registered_on");
		return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
				rs.getBoolean("credit_code_warning"), OrganizationKind.valueOf(rs.getString("kind")),
				rs.getString("region_code"), rs.getString("region_name"), rs.getString("legal_representative"),
				rs.getString("contact_person"), rs.getString("contact_phone_masked"), rs.getString("address"),
				TextList.stored(domains).stream().map(OrganizationDomain::valueOf).toList(),
				OrganizationStatus.valueOf(rs.getString("status")), registered == null ? null : registered.toLocalDate(),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

}
