package org.wushe.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.actor.OrganizationDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * The activity module's public API for records: record, change and delete activities of a campaign within the user's
 * scope, and list them. Every write changes the rollups in the same transaction ({@link RollupWriter}), so figures
 * are exact the moment the write commits. Records of a region outside the scope answer as if they did not exist.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActivityService {

	/** The tables of what belongs to an activity (its photos, its organizations), keyed by its region as well. */
	private static final List<String> BELONGINGS = List.of("activity_photo", "activity_organization");

	static final String ENTITY = "activity";

	static final String COLUMNS = """
			a.id, a.campaign_id, a.region_code, r.name AS region_name, a.name, a.units, a.participants, a.start_date,
			a.end_date, a.place, a.content, a.domains, a.beneficiaries, a.funds_yuan, a.materials_yuan, a.remarks,
			a.outside_window, a.created_at, a.created_by, a.updated_at, a.updated_by""";

	private final JdbcClient jdbc;

	private final CampaignService campaigns;

	private final Regions regions;

	private final RollupWriter rollups;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final PhotoStore photos;

	private final OrganizationLinks links;

	/** Records an activity of a campaign the scope can see, at a region inside both the scope and the campaign. */
	public Activity record(RegionScope scope, long campaignId, ActivityInput input, String by) {
		return record(scope, campaignId, input, List.of(), by);
	}

	/**
	 * Records an activity with its photos, in one transaction: every field, linked organization and photo is checked
	 * first, and all errors are reported together.
	 */
	public Activity record(RegionScope scope, long campaignId, ActivityInput input, List<UploadedFile> uploads,
			String by) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Checked c = check(scope, campaign, input, uploads, 0);
		ActivityValues v = c.values();
		RollupWriter.Changes predicted = rollups.changes().add(v.contribution(campaignId), 1);
		return write(predicted, changes -> {
			long id = insert(campaign, v, by);
			attach(scope, id, v.region(), c, by);
			changes.add(v.contribution(campaignId), 1);
			return find(id).orElseThrow();
		});
	}

	/** An input that passed every check: the values, the organizations to link (null: keep) and cleaned photos. */
	private record Checked(ActivityValues values, List<Long> organizationIds, List<UploadRules.Accepted> photos) {
	}

	private Checked check(RegionScope scope, Campaign campaign, ActivityInput input, List<UploadedFile> uploads,
			int existingPhotos) {
		List<FieldError> errors = new ArrayList<>();
		ActivityValues v = gather(errors, () -> {
			ActivityValues read = ActivityValues.read(input, campaign.startDate().getYear());
			checkRegion(scope, campaign, read.region(), "regionCode");
			return read;
		});
		List<Long> orgs = gather(errors, () -> links.check(scope, input.organizationIds()));
		List<UploadRules.Accepted> cleaned = gather(errors, () -> photos.check(uploads, existingPhotos));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Checked(v, orgs, cleaned);
	}

	private static <T> T gather(List<FieldError> errors, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

	private void attach(RegionScope scope, long id, RegionCode region, Checked c, String by) {
		if (c.organizationIds() != null) {
			links.replace(id, region, links.afterEdit(scope, id, c.organizationIds()));
		}
		if (!c.photos().isEmpty()) {
			photos.insert(id, region, c.photos(), Instant.now(clock), by);
			audit.record("activity.photo.add", ENTITY, id, region);
		}
	}

	private long insert(Campaign campaign, ActivityValues v, String by) {
		long campaignId = campaign.id();
		Instant now = Instant.now(clock);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO activity (campaign_id, region_code, name, units, participants, start_date, end_date, place,
				    content, domains, beneficiaries, funds_yuan, materials_yuan, remarks, outside_window, created_at,
				    created_by, updated_at, updated_by)
				VALUES (:campaign, :region, :name, :units, :participants, :start, :end, :place, :content, :domains,
				    :beneficiaries, :funds, :materials, :remarks, :outside, :now, :by, :now, :by)
				""")
			.params(v.params(campaign))
			.param("campaign", campaignId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("activity.create", ENTITY, id, v.region());
		return id;
	}

	/** Changes a record in scope; region and campaign rules as for {@link #record}. */
	public Activity update(RegionScope scope, long id, ActivityInput input, String by) {
		return update(scope, id, input, List.of(), by);
	}

	/** Changes a record in scope and adds photos to it, in one transaction. */
	public Activity update(RegionScope scope, long id, ActivityInput input, List<UploadedFile> uploads, String by) {
		Activity before = get(scope, id);
		Campaign campaign = campaigns.get(scope, before.campaignId());
		Checked c = check(scope, campaign, input, uploads, uploads.isEmpty() ? 0 : photos.count(id));
		ActivityValues v = c.values();
		RollupWriter.Changes predicted = rollups.changes()
			.add(before.contribution(), -1)
			.add(v.contribution(before.campaignId()), 1);
		return write(predicted, changes -> {
			Activity old = lock(scope, id);
			jdbc.sql("""
				UPDATE activity SET region_code = :region, name = :name, units = :units, participants = :participants,
				    start_date = :start, end_date = :end, place = :place, content = :content, domains = :domains,
				    beneficiaries = :beneficiaries, funds_yuan = :funds, materials_yuan = :materials,
				    remarks = :remarks, outside_window = :outside, updated_at = :now, updated_by = :by
				WHERE id = :id
				""")
				.params(v.params(campaign))
				.param("now", Timestamp.from(Instant.now(clock)))
				.param("by", by)
				.param("id", id)
				.update();
			audit.record("activity.update", ENTITY, id, v.region());
			for (String table : BELONGINGS) {
				jdbc.sql("UPDATE " + table + " SET region_code = :r WHERE activity_id = :a AND region_code <> :r")
					.param("r", v.region().value())
					.param("a", id)
					.update();
			}
			attach(scope, id, v.region(), c, by);
			changes.add(old.contribution(), -1).add(v.contribution(old.campaignId()), 1);
			return find(id).orElseThrow();
		});
	}

	/** Deletes a record in scope. */
	public void delete(RegionScope scope, long id) {
		Activity before = get(scope, id);
		RollupWriter.Changes predicted = rollups.changes().add(before.contribution(), -1);
		write(predicted, changes -> {
			Activity old = lock(scope, id);
			for (String table : BELONGINGS) {
				jdbc.sql("DELETE FROM " + table + " WHERE activity_id = :a").param("a", id).update();
			}
			jdbc.sql("DELETE FROM activity WHERE id = :id").param("id", id).update();
			audit.record("activity.delete", ENTITY, id, old.region());
			changes.add(old.contribution(), -1);
			return null;
		});
	}

	/**
	 * Runs one write of records in a transaction that also applies its rollup changes, last, in one batch. The rows
	 * the write is expected to touch are created beforehand; if it touched others after all (a concurrent edit of the
	 * same record), the transaction rolls back, the rows are created and the write runs again.
	 */
	private <T> T write(RollupWriter.Changes predicted, Function<RollupWriter.Changes, T> work) {
		rollups.ensure(predicted.keys());
		for (int attempt = 1;; attempt++) {
			RollupWriter.Changes changes = rollups.changesLike(predicted);
			try {
				return tx.execute(status -> {
					T result = work.apply(changes);
					rollups.applyExisting(changes);
					return result;
				});
			}
			catch (RollupWriter.MissingRows ex) {
				if (attempt >= 3) {
					throw ex;
				}
				rollups.ensure(ex.keys());
			}
		}
	}

	/** The record if its region lies in the scope and its campaign is visible. */
	public Optional<Activity> find(RegionScope scope, long id) {
		return find(id).filter(a -> scope.covers(a.region()))
			.filter(a -> campaigns.find(scope, a.campaignId()).isPresent());
	}

	public Activity get(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("activity.error.unknown", id));
	}

	/**
	 * Records of a campaign (and its local campaigns) in the subtree of {@code within}, which must lie in the scope;
	 * ordered by region and date.
	 */
	public List<Activity> list(RegionScope scope, long campaignId, RegionCode within, int offset, int size) {
		campaigns.get(scope, campaignId);
		RegionScope effective = scope.within(within);
		return jdbc.sql("""
				SELECT %s FROM activity a LEFT JOIN region r ON r.code = a.region_code
				WHERE a.campaign_id IN (:campaigns) AND a.region_code >= :from AND a.region_code < :to
				ORDER BY a.region_code, a.start_date, a.id
				LIMIT :limit OFFSET :offset
				""".formatted(COLUMNS))
			.param("campaigns", campaigns.family(campaignId))
			.param("from", effective.from())
			.param("to", effective.to())
			.param("limit", Math.min(Math.max(size, 1), 1000))
			.param("offset", Math.max(offset, 0))
			.query(ActivityService::map)
			.list();
	}

	/** Number of records of a campaign (with its local campaigns) in the subtree of {@code within}. */
	public long count(RegionScope scope, long campaignId, RegionCode within) {
		campaigns.get(scope, campaignId);
		RegionScope effective = scope.within(within);
		return jdbc.sql("""
				SELECT COUNT(*) FROM activity a
				WHERE a.campaign_id IN (:campaigns) AND a.region_code >= :from AND a.region_code < :to
				""")
			.param("campaigns", campaigns.family(campaignId))
			.param("from", effective.from())
			.param("to", effective.to())
			.query(Long.class)
			.single();
	}

	/**
	 * Checks that a recording region lies in the scope, in the campaign's subtree, and exists; adds an error for
	 * {@code field} otherwise.
	 */
	void checkRegion(RegionScope scope, Campaign campaign, RegionCode region, String field) {
		List<FieldError> errors = new ArrayList<>();
		if (region == null) {
			return;
		}
		if (!scope.covers(region)) {
			errors.add(new FieldError(field, "activity.error.region-out-of-scope", region.value()));
		}
		else if (!campaign.region().contains(region)) {
			errors.add(new FieldError(field, "activity.error.region-outside-campaign", campaign.regionName()));
		}
		else if (!regions.exists(region)) {
			errors.add(new FieldError(field, "region.error.unknown", region.value()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** The registered organizations a record in scope names, as far as the viewer can see them. */
	public List<OrganizationDirectory.Entry> organizations(RegionScope scope, long id) {
		get(scope, id);
		return links.entries(scope, id);
	}

	/** The linked organization ids of each record (records without links are absent), for lists of records. */
	public Map<Long, List<Long>> organizationIds(List<Activity> records) {
		return links.ids(records.stream().map(Activity::id).toList());
	}

	Optional<Activity> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM activity a LEFT JOIN region r ON r.code = a.region_code WHERE a.id = :id")
			.param("id", id)
			.query(ActivityService::map)
			.optional();
	}

	private Activity lock(RegionScope scope, long id) {
		Optional<Activity> locked = jdbc.sql("SELECT id FROM activity WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.flatMap(x -> find(scope, id));
		return locked.orElseThrow(() -> BusinessException.notFound("activity.error.unknown", id));
	}

	static Activity map(ResultSet rs, int n) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getLong("campaign_id"), new RegionCode(rs.getString("region_code")),
				rs.getString("region_name"), rs.getString("name"), rs.getString("units"), rs.getInt("participants"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("place"), rs.getString("content"), java.util.Collections.unmodifiableSet(ServiceDomain.ofMask(rs.getInt("domains"))),
				rs.getInt("beneficiaries"), rs.getBigDecimal("funds_yuan"), rs.getBigDecimal("materials_yuan"),
				rs.getString("remarks"), rs.getBoolean("outside_window"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

}
