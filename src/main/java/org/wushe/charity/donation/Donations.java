package org.wushe.charity.donation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.personal.SealedValue;
import org.wushe.charity.DonationKind;
import org.wushe.charity.DonorKind;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.ListTable;
import org.wushe.shared.jdbc.StreamingJdbc;
import org.wushe.region.ListQuery;
import org.wushe.charity.support.MoneyTotals;
import org.wushe.region.RegionScope;
import org.wushe.personal.SealedColumns;

/** Donor and donation rows; every read bound to a region range. */
@Repository
class Donations extends ListTable {

	static final String DONOR_COLUMNS = """
			o.id, o.kind, o.name, o.region_code, r.name AS region_name, o.credit_code, o.contact_person, o.phone_masked AS phone""";

	static final String COLUMNS = """
			d.id, d.donor_id, o.name AS donor_name, o.kind AS donor_kind, d.region_code, r.name AS region_name, d.kind,
			d.amount, d.item_description, d.quantity, d.unit, d.valuation, d.valuation_basis, d.valued_by,
			d.total_value, d.site_id, d.fund_id, f.name AS fund_name, d.matched_amount, d.received_on, d.note,
			d.created_at, d.created_by""";

	static final String FROM = """
			FROM donation d
			JOIN donor o ON o.id = d.donor_id
			LEFT JOIN region r ON r.code = d.region_code
			LEFT JOIN charity_fund f ON f.id = d.fund_id
			""";

	/** What follows the columns of the list of donors matching a {@link ListQuery}. */
	private static final String DONOR_LIST = """

				FROM donor o LEFT JOIN region r ON r.code = o.region_code
				WHERE o.region_code >= :from AND o.region_code < :to
				  AND (:kind = '' OR o.kind = :kind)
				  AND (:text = '' OR LOWER(o.name) LIKE :pattern ESCAPE '\\'
				       OR (:initials <> '' AND o.name_initials LIKE :initials))
				ORDER BY o.id DESC
				LIMIT :limit OFFSET :offset
				""";

	/** The list of donations matching a {@link ListQuery}. */
	private static final String LIST = "SELECT " + COLUMNS + "\n" + FROM + """
				WHERE d.region_code >= :from AND d.region_code < :to
				  AND (:kind = '' OR d.kind = :kind)
				  AND (:text = '' OR LOWER(o.name) LIKE :pattern ESCAPE '\\'
				       OR (:initials <> '' AND o.name_initials LIKE :initials)
				       OR LOWER(d.item_description) LIKE :pattern ESCAPE '\\' OR LOWER(f.name) LIKE :pattern ESCAPE '\\')
				ORDER BY d.received_on DESC, d.id DESC
				LIMIT :limit OFFSET :offset
				""";

	/** A checked donation ready to store. */
	record Values(long donorId, String regionCode, DonationKind kind, BigDecimal amount, String itemDescription,
			BigDecimal quantity, String unit, BigDecimal valuation, String valuationBasis, String valuedBy,
			BigDecimal totalValue, Long siteId, Long fundId, BigDecimal matchedAmount, java.time.LocalDate receivedOn,
			String note) {
	}

	private static final RowMapper<Donor> DONOR = new DataClassRowMapper<>(Donor.class);

	private static final RowMapper<Donation> DONATION = new DataClassRowMapper<>(Donation.class);

	Donations(JdbcClient jdbc, StreamingJdbc streaming) {
		super(jdbc, streaming);
	}

	long insertDonor(DonorKind kind, String name, String region, String creditCode, String contact, SealedValue phone,
			Timestamp at, String by) {
		return GeneratedIds.returningId(jdbc.sql("""
				INSERT INTO donor (kind, name, name_initials, region_code, credit_code, contact_person, phone_cipher,
				    phone_hash, phone_masked, created_at, created_by)
				VALUES (:kind, :name, :initials, :region, :creditCode, :contact, :phoneCipher, :phoneHash, :phoneMasked,
				    :at, :by)
				""")
			.param("kind", kind.name())
			.param("name", name)
			.param("initials", NameInitials.of(name))
			.param("region", region)
			.param("creditCode", creditCode)
			.param("contact", contact)
			.params(SealedColumns.params("phone", phone))
			.param("at", at)
			.param("by", by));
	}

	Optional<Donor> findDonor(RegionScope scope, long id) {
		return ScopedRows.find(jdbc, DONOR_COLUMNS + " FROM donor o LEFT JOIN region r ON r.code = o.region_code",
				"o", "id", scope, id, DONOR);
	}

	Optional<String> donorPhoneCipher(long id) {
		return jdbc.sql("SELECT phone_cipher FROM donor WHERE id = :id AND phone_cipher IS NOT NULL")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** A donor as exported: the masked row and, for a permitted full export, the phone's ciphertext. */
	record ExportedDonor(Donor donor, String phoneCipher) {
	}

	List<Donor> donors(ListQuery q) {
		return q.page(jdbc, "SELECT " + DONOR_COLUMNS + DONOR_LIST, DONOR);
	}

	/** Every donor matching the filters, for exports; close the stream, inside a transaction. */
	java.util.stream.Stream<ExportedDonor> streamDonors(ListQuery q) {
		return q.stream(streaming, "SELECT " + DONOR_COLUMNS + ", o.phone_cipher" + DONOR_LIST,
				(rs, n) -> new ExportedDonor(DONOR.mapRow(rs, n), rs.getString("phone_cipher")));
	}

	long insert(Values v, Timestamp at, String by) {
		return GeneratedIds.returningId(jdbc.sql("""
				INSERT INTO donation (donor_id, region_code, kind, amount, item_description, quantity, unit, valuation,
				    valuation_basis, valued_by, total_value, site_id, fund_id, matched_amount, received_on, note,
				    created_at, created_by)
				VALUES (:donor, :region, :kind, :amount, :item, :quantity, :unit, :valuation, :basis, :valuedBy, :total,
				    :site, :fund, :matched, :receivedOn, :note, :at, :by)
				""")
			.param("donor", v.donorId())
			.param("region", v.regionCode())
			.param("kind", v.kind().name())
			.param("amount", v.amount())
			.param("item", v.itemDescription())
			.param("quantity", v.quantity())
			.param("unit", v.unit())
			.param("valuation", v.valuation())
			.param("basis", v.valuationBasis())
			.param("valuedBy", v.valuedBy())
			.param("total", v.totalValue())
			.param("site", v.siteId())
			.param("fund", v.fundId())
			.param("matched", v.matchedAmount())
			.param("receivedOn", Date.valueOf(v.receivedOn()))
			.param("note", v.note())
			.param("at", at)
			.param("by", by));
	}

	Optional<Donation> find(RegionScope scope, long id) {
		return ScopedRows.find(jdbc, COLUMNS + "\n" + FROM,
				"d", "id", scope, id, DONATION);
	}

	List<Donation> list(ListQuery q) {
		return q.page(jdbc, LIST, DONATION);
	}

	java.util.stream.Stream<Donation> stream(ListQuery q) {
		return q.stream(streaming, LIST, DONATION);
	}

	/** Sums per child region: money, in-kind valuation, matched, number of donations; trusts separately. */
	List<MoneyTotals.Part> totals(RegionScope scope, int prefixLength) {
		List<MoneyTotals.Part> parts = new java.util.ArrayList<>(jdbc.sql("""
				SELECT t.prefix, t.kind, SUM(t.total_value) AS total, SUM(t.matched_amount) AS matched, COUNT(*) AS n
				FROM (SELECT SUBSTRING(region_code, 1, :length) AS prefix, kind, total_value, matched_amount
				      FROM donation WHERE region_code >= :from AND region_code < :to) t
				GROUP BY t.prefix, t.kind
				""")
			.param("length", prefixLength)
			.param("from", scope.from())
			.param("to", scope.to())
			.query((rs, n) -> {
				Map<String, BigDecimal> amounts = new LinkedHashMap<>();
				amounts.put(DonationKind.valueOf(rs.getString("kind")) == DonationKind.MONEY ? "money" : "inKind",
						rs.getBigDecimal("total"));
				amounts.put("matched", rs.getBigDecimal("matched"));
				amounts.put("donations", BigDecimal.valueOf(rs.getLong("n")));
				return new MoneyTotals.Part(rs.getString("prefix"), amounts);
			})
			.list());
		parts.addAll(jdbc.sql("""
				SELECT t.prefix, SUM(t.amount) AS total, COUNT(*) AS n
				FROM (SELECT SUBSTRING(region_code, 1, :length) AS prefix, amount
				      FROM charitable_trust WHERE region_code >= :from AND region_code < :to) t
				GROUP BY t.prefix
				""")
			.param("length", prefixLength)
			.param("from", scope.from())
			.param("to", scope.to())
			.query((rs, n) -> new MoneyTotals.Part(rs.getString("prefix"),
					Map.of("trusts", rs.getBigDecimal("total"), "trustCount", BigDecimal.valueOf(rs.getLong("n")))))
			.list());
		return parts;
	}

}
