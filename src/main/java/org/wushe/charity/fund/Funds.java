package org.wushe.charity.fund;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.ListTable;
import org.wushe.shared.jdbc.StreamingJdbc;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionScope;

/** Fund and trust rows; every read bound to a region range. */
@Repository
class Funds extends ListTable {

	static final String FUND_COLUMNS = """
			f.id, f.name, f.region_code, r.name AS region_name, f.purpose, f.manager, f.matching_ratio, f.matching_cap,
			f.matched_total, f.status, f.version,
			(SELECT COALESCE(SUM(d.total_value), 0.00) FROM donation d WHERE d.fund_id = f.id) AS received""";

	static final String TRUST_COLUMNS = """
			t.id, t.name, t.trustee, t.amount, t.region_code, r.name AS region_name, t.established_on, t.filing_number,
			t.purpose, t.version""";

	/** The list of funds matching a {@link ListQuery}. */
	private static final String FUND_LIST = "SELECT " + FUND_COLUMNS + """

				FROM charity_fund f LEFT JOIN region r ON r.code = f.region_code
				WHERE f.region_code >= :from AND f.region_code < :to
				  AND (:text = '' OR LOWER(f.name) LIKE :pattern ESCAPE '\\'
				       OR (:initials <> '' AND f.name_initials LIKE :initials))
				ORDER BY f.id DESC
				LIMIT :limit OFFSET :offset
				""";

	/** The list of trusts matching a {@link ListQuery}. */
	private static final String TRUST_LIST = "SELECT " + TRUST_COLUMNS + """

				FROM charitable_trust t LEFT JOIN region r ON r.code = t.region_code
				WHERE t.region_code >= :from AND t.region_code < :to
				  AND (:text = '' OR LOWER(t.name) LIKE :pattern ESCAPE '\\' OR LOWER(t.trustee) LIKE :pattern ESCAPE '\\'
				       OR (:initials <> '' AND t.name_initials LIKE :initials))
				ORDER BY t.id DESC
				LIMIT :limit OFFSET :offset
				""";

	private static final RowMapper<Fund> FUND = new DataClassRowMapper<>(Fund.class);

	private static final RowMapper<CharitableTrust> TRUST = new DataClassRowMapper<>(CharitableTrust.class);

	Funds(JdbcClient jdbc, StreamingJdbc streaming) {
		super(jdbc, streaming);
	}

	long insertFund(String name, String region, String purpose, String manager, BigDecimal ratio, BigDecimal cap,
			FundStatus status, Timestamp at, String by) {
		return GeneratedIds.returningId(jdbc.sql("""
				INSERT INTO charity_fund (name, name_initials, region_code, purpose, manager, matching_ratio,
				    matching_cap, matched_total, status, created_at, created_by)
				VALUES (:name, :initials, :region, :purpose, :manager, :ratio, :cap, 0, :status, :at, :by)
				""")
			.params(fundParams(name, region, purpose, manager, ratio, cap, status))
			.param("at", at)
			.param("by", by));
	}

	private static Map<String, Object> fundParams(String name, String region, String purpose, String manager,
			BigDecimal ratio, BigDecimal cap, FundStatus status) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", name);
		p.put("initials", NameInitials.of(name));
		p.put("region", region);
		p.put("purpose", purpose);
		p.put("manager", manager);
		p.put("ratio", ratio);
		p.put("cap", cap);
		p.put("status", status.name());
		return p;
	}

	/**
	 * Changes the fund if it is still at {@code version}, counting the version up; answers whether it was. A fund
	 * changed meanwhile is left as it is: the check and the change are one statement, so two saves from the same
	 * version cannot both pass.
	 */
	boolean updateFund(long id, int version, String name, String region, String purpose, String manager,
			BigDecimal ratio, BigDecimal cap, FundStatus status) {
		return updateAtVersion("charity_fund", """
				name = :name, name_initials = :initials, region_code = :region, purpose = :purpose,
				manager = :manager, matching_ratio = :ratio, matching_cap = :cap, status = :status""", id, version,
				fundParams(name, region, purpose, manager, ratio, cap, status));
	}

	/**
	 * Sets {@code assignments} on the row of {@code table} if it is still at {@code version}, counting the version up;
	 * answers whether it was. The check and the change are one statement.
	 */
	private boolean updateAtVersion(String table, String assignments, long id, int version,
			Map<String, Object> params) {
		return jdbc.sql("UPDATE " + table + " SET " + assignments
				+ ", version = version + 1 WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.params(params)
			.update() == 1;
	}

	Optional<Fund> findFund(RegionScope scope, long id) {
		return ScopedRows.find(jdbc, FUND_COLUMNS + " FROM charity_fund f LEFT JOIN region r ON r.code = f.region_code",
				"f", "id", scope, id, FUND);
	}

	List<Fund> funds(ListQuery q) {
		return q.page(jdbc, FUND_LIST, FUND);
	}

	/** Every fund matching the filters, for exports; close the stream, inside a transaction. */
	Stream<Fund> streamFunds(ListQuery q) {
		return q.stream(streaming, FUND_LIST, FUND);
	}

	/**
	 * Matches a donation of {@code value} to a fund: locks the fund's row, takes {@code value × ratio} but no more than
	 * what is left under the cap, and adds it to the fund's matched total. Answers the matched amount.
	 */
	BigDecimal match(long fundId, BigDecimal value) {
		record Rule(BigDecimal ratio, BigDecimal cap, BigDecimal matched) {
		}
		Rule rule = jdbc.sql("""
				SELECT matching_ratio AS ratio, matching_cap AS cap, matched_total AS matched FROM charity_fund
				WHERE id = :id FOR UPDATE
				""")
			.param("id", fundId)
			.query(Rule.class)
			.single();
		BigDecimal wanted = value.multiply(rule.ratio()).setScale(2, java.math.RoundingMode.DOWN);
		BigDecimal left = rule.cap().subtract(rule.matched()).max(BigDecimal.ZERO);
		BigDecimal matched = wanted.min(left);
		if (matched.signum() > 0) {
			jdbc.sql("UPDATE charity_fund SET matched_total = matched_total + :m WHERE id = :id")
				.param("m", matched)
				.param("id", fundId)
				.update();
		}
		return matched;
	}

	long insertTrust(String name, String trustee, BigDecimal amount, String region, LocalDate establishedOn,
			String filingNumber, String purpose, Timestamp at, String by) {
		return GeneratedIds.returningId(jdbc.sql("""
				INSERT INTO charitable_trust (name, name_initials, trustee, amount, region_code, established_on,
				    filing_number, purpose, created_at, created_by)
				VALUES (:name, :initials, :trustee, :amount, :region, :established, :filing, :purpose, :at, :by)
				""")
			.params(trustParams(name, trustee, amount, region, establishedOn, filingNumber, purpose))
			.param("at", at)
			.param("by", by));
	}

	private static Map<String, Object> trustParams(String name, String trustee, BigDecimal amount, String region,
			LocalDate establishedOn, String filingNumber, String purpose) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", name);
		p.put("initials", NameInitials.of(name));
		p.put("trustee", trustee);
		p.put("amount", amount);
		p.put("region", region);
		p.put("established", establishedOn == null ? null : Date.valueOf(establishedOn));
		p.put("filing", filingNumber);
		p.put("purpose", purpose);
		return p;
	}

	/** Changes the trust if it is still at {@code version}, counting the version up; answers whether it was. */
	boolean updateTrust(long id, int version, String name, String trustee, BigDecimal amount, String region,
			LocalDate establishedOn, String filingNumber, String purpose) {
		return updateAtVersion("charitable_trust", """
				name = :name, name_initials = :initials, trustee = :trustee, amount = :amount,
				region_code = :region, established_on = :established, filing_number = :filing, purpose = :purpose""",
				id, version, trustParams(name, trustee, amount, region, establishedOn, filingNumber, purpose));
	}

	Optional<CharitableTrust> findTrust(RegionScope scope, long id) {
		return ScopedRows.find(jdbc,
				TRUST_COLUMNS + " FROM charitable_trust t LEFT JOIN region r ON r.code = t.region_code", "t", "id", scope,
				id, TRUST);
	}

	List<CharitableTrust> trusts(ListQuery q) {
		return q.page(jdbc, TRUST_LIST, TRUST);
	}

	/** Every trust matching the filters, for exports; close the stream, inside a transaction. */
	Stream<CharitableTrust> streamTrusts(ListQuery q) {
		return q.stream(streaming, TRUST_LIST, TRUST);
	}

}
