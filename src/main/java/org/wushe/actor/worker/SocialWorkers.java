package org.wushe.actor.worker;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.actor.Gender;
import org.wushe.shared.NameInitials;
import org.wushe.shared.GeneratedIds;
import org.wushe.personal.PersonalData;
import org.wushe.actor.Qualification;
import org.wushe.personal.SealedValue;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.PersonTable;
import org.wushe.actor.registry.RegistryTally;
import org.wushe.actor.registry.RegistryTally.Category;
import org.wushe.region.ScopedRows;
import org.wushe.shared.jdbc.StreamingJdbc;
import org.wushe.region.RegionScope;
import org.wushe.personal.SealedColumns;

/** Social-worker rows, their posted sites and training records; every read bound to a region range. */
@Repository
class SocialWorkers extends PersonTable {

	static final String COLUMNS = """
			w.id, w.name, w.gender, w.id_number_masked, w.phone_masked, w.qualification, w.certificate_number,
			w.employer_id, o.name AS employer_name, w.region_code, r.name AS region_name, w.post, w.status,
			w.created_at, w.created_by, w.updated_at, w.updated_by""";

	static final String FROM = """
			FROM social_worker w
			LEFT JOIN region r ON r.code = w.region_code
			LEFT JOIN organization o ON o.id = w.employer_id
			""";

	static final String INSERT = """
			INSERT INTO social_worker (name, name_initials, gender, id_number_cipher, id_number_hash,
			    id_number_masked, phone_cipher, phone_hash, phone_masked, qualification, certificate_number,
			    employer_id, region_code, post, status, created_at, created_by, updated_at, updated_by)
			VALUES (:name, :initials, :gender, :idCipher, :idHash, :idMasked, :phoneCipher, :phoneHash,
			    :phoneMasked, :qualification, :certificate, :employer, :region, :post, :status, :at, :by, :at, :by)
			""";

	/** A checked worker ready to store; {@code idNumber}/{@code phone} null on update mean "keep". */
	record Values(String name, Gender gender, SealedValue idNumber, SealedValue phone, Qualification qualification,
			String certificateNumber, Long employerId, String regionCode, WorkerPost post, WorkerStatus status,
			List<Long> siteIds) {
	}

	SocialWorkers(JdbcClient jdbc, StreamingJdbc streaming, NamedParameterJdbcTemplate named, PersonalData personalData,
			RegistryTally tally) {
		super("social_worker", jdbc, streaming, named, personalData, tally);
	}

	/** What a worker counts as in the figures: nothing after leaving. */
	static RegistryTally.Counted counted(Qualification qualification, WorkerStatus status, String regionCode) {
		if (status == WorkerStatus.LEFT) {
			return null;
		}
		return new RegistryTally.Counted(
				qualification == Qualification.NONE ? Category.WORKER : Category.CERTIFIED_WORKER, regionCode);
	}

	private static RegistryTally.Counted counted(Values v) {
		return counted(v.qualification(), v.status(), v.regionCode());
	}

	long insert(Values v, Timestamp at, String by) {
		tally.change(null, counted(v));
		long id = GeneratedIds.returningId(jdbc.sql(INSERT).params(params(v, at, by)));
		replaceSites(id, v.siteIds());
		return id;
	}

	/** Inserts many workers at once (imports); sites are not part of an import. */
	void insertAll(List<Values> values, Timestamp at, String by) {
		tally.added(values.stream().map(SocialWorkers::counted).toList());
		@SuppressWarnings("unchecked")
		Map<String, Object>[] batch = values.stream().map(v -> params(v, at, by)).toArray(Map[]::new);
		named.batchUpdate(INSERT, batch);
	}

	void update(long id, Values v, Timestamp at, String by) {
		RegistryTally.Counted before = ScopedRows.locked(jdbc,
				"SELECT qualification, status, region_code FROM social_worker WHERE id = :id", id,
				(rs, n) -> counted(Qualification.valueOf(rs.getString(1)), WorkerStatus.valueOf(rs.getString(2)),
						rs.getString(3)));
		tally.change(before, counted(v));
		jdbc.sql("""
				UPDATE social_worker SET name = :name, name_initials = :initials, gender = :gender,
				    qualification = :qualification, certificate_number = :certificate, employer_id = :employer,
				    region_code = :region, post = :post, status = :status, updated_at = :at, updated_by = :by
				WHERE id = :id
				""").params(params(v, at, by)).param("id", id).update();
		resealPerson(id, v.idNumber(), v.phone());
		replaceSites(id, v.siteIds());
	}

	private void replaceSites(long id, List<Long> siteIds) {
		jdbc.sql("DELETE FROM social_worker_site WHERE worker_id = :id").param("id", id).update();
		for (Long site : siteIds) {
			jdbc.sql("INSERT INTO social_worker_site (worker_id, site_id) VALUES (:id, :site)")
				.param("id", id)
				.param("site", site)
				.update();
		}
	}

	private static Map<String, Object> params(Values v, Timestamp at, String by) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", v.name());
		p.put("initials", NameInitials.of(v.name()));
		p.put("gender", v.gender().name());
		SealedColumns.put(p, "id", v.idNumber());
		SealedColumns.put(p, "phone", v.phone());
		p.put("qualification", v.qualification().name());
		p.put("certificate", v.certificateNumber());
		p.put("employer", v.employerId());
		p.put("region", v.regionCode());
		p.put("post", v.post().name());
		p.put("status", v.status().name());
		p.put("at", at);
		p.put("by", by);
		return p;
	}

	Optional<SocialWorker> find(RegionScope scope, long id) {
		return ScopedRows.find(jdbc, COLUMNS + "\n" + FROM,
				"w", "id", scope, id, SocialWorkers::map)
			.map(w -> w.withSiteIds(sitesOf(List.of(w.id())).getOrDefault(w.id(), List.of())));
	}

	List<SocialWorker> list(ListQuery q) {
		List<SocialWorker> rows = ScopedRows.page(select(q, false), q.size(), q.offset(), SocialWorkers::map);
		Map<Long, List<Long>> sites = sitesOf(rows.stream().map(SocialWorker::id).toList());
		return rows.stream().map(w -> w.withSiteIds(sites.getOrDefault(w.id(), List.of()))).toList();
	}

	/** Rows with the ciphertexts too, for exports: {@link Exported}. */
	record Exported(SocialWorker worker, String idNumberCipher, String phoneCipher) {
	}

	Stream<Exported> stream(ListQuery q) {
		return ScopedRows.all(select(q, true))
			.query((rs, n) -> new Exported(map(rs, n), rs.getString("id_number_cipher"), rs.getString("phone_cipher")))
			.stream();
	}

	private JdbcClient.StatementSpec select(ListQuery q, boolean withCiphers) {
		PersonalData.ExactSearch exact = personalData.exactSearch("social-worker", q.text());
		return (withCiphers ? streaming : jdbc).sql("SELECT " + COLUMNS + (withCiphers ? ", w.id_number_cipher, w.phone_cipher" : "") + "\n" + FROM
				+ """
						WHERE w.region_code >= :from AND w.region_code < :to
						  AND (:kind = '' OR w.qualification = :kind)
						  AND (:status = '' OR w.status = :status)
						  AND (:text = '' OR LOWER(w.name) LIKE :pattern ESCAPE '\\'
						       OR (:initials <> '' AND w.name_initials LIKE :initials)
						       OR (:idHash <> '' AND w.id_number_hash = :idHash)
						       OR (:phoneHash <> '' AND w.phone_hash = :phoneHash))
						ORDER BY w.id DESC
						LIMIT :limit OFFSET :offset
						""")
			.params(q.params())
			.param("idHash", exact.idHash())
			.param("phoneHash", exact.phoneHash());
	}

	private Map<Long, List<Long>> sitesOf(List<Long> workerIds) {
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		if (workerIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT worker_id, site_id FROM social_worker_site WHERE worker_id IN (:ids) ORDER BY site_id")
			.param("ids", workerIds)
			.query(rs -> {
				result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return result;
	}

	/** Active workers per child region, split into certified and uncertified. */
	List<RegionBreakdown.Part> counts(RegionScope scope, int prefixLength) {
		return RegionBreakdown.perChild(jdbc, "social_worker",
				"CASE WHEN qualification = 'NONE' THEN 'uncertified' ELSE 'certified' END", "status = 'ACTIVE'", scope,
				prefixLength);
	}

	List<Training> trainings(long workerId) {
		return jdbc.sql("""
				SELECT id, course, hours, taken_on FROM social_worker_training
				WHERE worker_id = :id ORDER BY taken_on DESC, id DESC
				""")
			.param("id", workerId)
			.query(Training.class)
			.list();
	}

	long addTraining(long workerId, String course, BigDecimal hours, java.time.LocalDate takenOn) {
		return GeneratedIds.returningId(jdbc.sql("""
				INSERT INTO social_worker_training (worker_id, course, hours, taken_on)
				VALUES (:worker, :course, :hours, :takenOn)
				""")
			.param("worker", workerId)
			.param("course", course)
			.param("hours", hours)
			.param("takenOn", Date.valueOf(takenOn)));
	}

	static SocialWorker map(ResultSet rs, int n) throws SQLException {
		Long employer = rs.getObject("employer_id", Long.class);
		return new SocialWorker(rs.getLong("id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
				rs.getString("id_number_masked"), rs.getString("phone_masked"),
				Qualification.valueOf(rs.getString("qualification")), rs.getString("certificate_number"),
				employer, rs.getString("employer_name"), rs.getString("region_code"),
				rs.getString("region_name"), WorkerPost.valueOf(rs.getString("post")),
				WorkerStatus.valueOf(rs.getString("status")), List.of(), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

}
