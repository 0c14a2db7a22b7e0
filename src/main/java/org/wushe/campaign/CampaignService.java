package org.wushe.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.PersonalData;
import org.wushe.personal.SealedValue;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The campaign module's public API for campaigns: creating and changing them within the user's scope, and finding the
 * ones a user may see. A campaign is visible to the users of its region's subtree (who take part in it) and to the
 * users above it (who oversee it); anything else answers as if it did not exist.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CampaignService {

	static final String ENTITY = "campaign";

	private static final String COLUMNS = """
			c.id, c.parent_id, c.name, c.theme, c.region_code, r.name AS region_name, c.reporting_level, c.start_date,
			c.end_date, c.summary_deadline, c.table_title, c.contact_name, c.contact_phone_masked AS contact_phone, c.contact_email,
			c.created_at, c.created_by""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final PersonalData personalData;

	private final CampaignValidation validation;

	/** Creates a campaign (or, with {@code parentId}, a local campaign under a visible one) inside the scope. */
	@Transactional
	public long create(RegionScope scope, CampaignInput input, String by) {
		Campaign parent = null;
		if (input.parentId() != null) {
			parent = get(scope, input.parentId());
		}
		CampaignValidation.Valid v = validation.validate(scope, input, parent, null, () -> null);
		Instant now = Instant.now(clock);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO campaign (parent_id, name, theme, region_code, reporting_level, start_date, end_date,
				    summary_deadline, table_title, contact_name, contact_phone_cipher, contact_phone_hash,
				    contact_phone_masked, contact_email, created_at, created_by, updated_at, updated_by)
				VALUES (:parent, :name, :theme, :region, :level, :start, :end, :summary, :title, :contactName,
				    :contactPhoneCipher, :contactPhoneHash, :contactPhoneMasked, :contactEmail, :now, :by, :now, :by)
				""")
			.param("parent", parent == null ? null : parent.id())
			.params(v.params())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeLists(id, v);
		audit.record("campaign.create", ENTITY, id, v.region());
		return id;
	}

	/**
	 * Changes a campaign whose region lies in the scope. Region and parent stay; once reports exist, the reporting
	 * level stays and no deadline that has reports can be removed.
	 */
	@Transactional
	public void update(RegionScope scope, long id, CampaignInput input, String by) {
		Campaign existing = get(scope, id);
		if (!scope.covers(existing.region())) {
			throw BusinessException.forbidden("campaign.error.not-yours");
		}
		Campaign parent = existing.parentId() == null ? null : find(id(existing.parentId())).orElse(null);
		CampaignValidation.Valid v = validation.validate(scope, input, parent, existing,
				() -> sealedContactPhone(id));
		int reported = jdbc.sql("SELECT COALESCE(MAX(deadline_no), 0) FROM progress_report WHERE campaign_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		List<FieldError> errors = new ArrayList<>();
		if (reported > 0 && v.level() != existing.reportingLevel()) {
			errors.add(new FieldError("reportingLevel", "campaign.error.level-fixed"));
		}
		if (v.deadlines().size() < reported) {
			errors.add(new FieldError("deadlines", "campaign.error.deadline-has-reports", reported));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("""
				UPDATE campaign SET name = :name, theme = :theme, reporting_level = :level, start_date = :start,
				    end_date = :end, summary_deadline = :summary, table_title = :title, contact_name = :contactName,
				    contact_phone_cipher = :contactPhoneCipher, contact_phone_hash = :contactPhoneHash,
				    contact_phone_masked = :contactPhoneMasked, contact_email = :contactEmail, updated_at = :now, updated_by = :by
				WHERE id = :id
				""")
			.params(v.params())
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("by", by)
			.param("id", id)
			.update();
		jdbc.sql("DELETE FROM campaign_deadline WHERE campaign_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM campaign_item WHERE campaign_id = :id").param("id", id).update();
		writeLists(id, v);
		audit.record("campaign.update", ENTITY, id, existing.region());
	}

	/** The campaign if the scope may see it. */
	public Optional<Campaign> find(RegionScope scope, long id) {
		return find(id(id)).filter(c -> isVisible(scope, c));
	}

	/** The campaign, or a 404 when it does not exist or lies outside what the scope may see. */
	public Campaign get(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("campaign.error.unknown", id));
	}

	/** Whether users of {@code scope} may see the campaign: it is issued above them or inside their subtree. */
	public static boolean isVisible(RegionScope scope, Campaign campaign) {
		return scope.covers(campaign.region()) || campaign.region().contains(scope.root());
	}

	/** Whether users of {@code scope} may change the campaign (it is issued inside their subtree). */
	public static boolean isManageable(RegionScope scope, Campaign campaign) {
		return scope.covers(campaign.region());
	}

	/** Campaigns visible to the scope, newest window first. */
	public List<Campaign> list(RegionScope scope, int offset, int size) {
		List<String> above = scope.root().path().stream().map(RegionCode::value).toList();
		List<Campaign> found = jdbc.sql("""
				SELECT %s FROM campaign c LEFT JOIN region r ON r.code = c.region_code
				WHERE (c.region_code >= :from AND c.region_code < :to) OR c.region_code IN (:above)
				ORDER BY c.start_date DESC, c.id DESC
				LIMIT :limit OFFSET :offset
				""".formatted(COLUMNS))
			.param("from", scope.from())
			.param("to", scope.to())
			.param("above", above)
			.param("limit", Math.min(Math.max(size, 1), 500))
			.param("offset", Math.max(offset, 0))
			.query(Row.class)
			.list()
			.stream()
			.map(row -> row.campaign(List.of(), List.of(), List.of()))
			.toList();
		return withLists(found);
	}

	/** The campaign's own id and the ids of every local campaign below it, at any depth. */
	public List<Long> family(long id) {
		return jdbc.sql("""
				WITH RECURSIVE family (id) AS (
				    SELECT id FROM campaign WHERE id = :id
				    UNION ALL
				    SELECT c.id FROM campaign c JOIN family f ON c.parent_id = f.id
				)
				SELECT id FROM family ORDER BY id
				""").param("id", id).query(Long.class).list();
	}

	/** The local campaigns directly under a campaign that the scope may see. */
	public List<Campaign> localCampaigns(RegionScope scope, long id) {
		List<Campaign> found = jdbc.sql("""
				SELECT %s FROM campaign c LEFT JOIN region r ON r.code = c.region_code
				WHERE c.parent_id = :id ORDER BY c.region_code, c.id
				""".formatted(COLUMNS))
			.param("id", id)
			.query(Row.class)
			.list()
			.stream()
			.map(row -> row.campaign(List.of(), List.of(), List.of()))
			.filter(c -> isVisible(scope, c))
			.toList();
		return withLists(found);
	}

	/** Looks a campaign up by exact name and region (demo data and imports use it to stay idempotent). */
	Optional<Long> findIdByName(RegionCode region, String name) {
		return jdbc.sql("SELECT id FROM campaign WHERE region_code = :region AND name = :name ORDER BY id")
			.param("region", region.value())
			.param("name", name)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	Optional<Campaign> find(Id id) {
		Optional<Row> row = jdbc.sql("""
				SELECT %s FROM campaign c LEFT JOIN region r ON r.code = c.region_code WHERE c.id = :id
				""".formatted(COLUMNS)).param("id", id.value()).query(Row.class).optional();
		return row.map(r -> withLists(List.of(r.campaign(List.of(), List.of(), List.of()))).get(0));
	}

	private List<Campaign> withLists(List<Campaign> campaigns) {
		if (campaigns.isEmpty()) {
			return campaigns;
		}
		List<Long> ids = campaigns.stream().map(Campaign::id).toList();
		record Due(long campaignId, int seq, Instant dueAt) {
		}
		record Item(long campaignId, String kind, String text) {
		}
		Map<Long, List<Deadline>> deadlines = jdbc
			.sql("SELECT campaign_id, seq, due_at FROM campaign_deadline WHERE campaign_id IN (:ids) ORDER BY campaign_id, seq")
			.param("ids", ids)
			.query(Due.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Due::campaignId,
					Collectors.mapping(d -> new Deadline(d.seq(), d.dueAt()), Collectors.toList())));
		Map<Boolean, Map<Long, List<String>>> items = jdbc
			.sql("SELECT campaign_id, kind, text FROM campaign_item WHERE campaign_id IN (:ids) ORDER BY campaign_id, kind, seq")
			.param("ids", ids)
			.query(Item.class)
			.list()
			.stream()
			.collect(Collectors.partitioningBy(i -> "FORM".equals(i.kind()), Collectors.groupingBy(Item::campaignId,
					Collectors.mapping(Item::text, Collectors.toList()))));
		Map<Long, List<String>> contents = items.get(false);
		Map<Long, List<String>> forms = items.get(true);
		return campaigns.stream()
			.map(c -> new Campaign(c.id(), c.parentId(), c.name(), c.theme(), c.region(), c.regionName(),
					c.reportingLevel(), c.startDate(), c.endDate(), List.copyOf(deadlines.getOrDefault(c.id(), List.of())),
					c.summaryDeadline(), c.tableTitle(), List.copyOf(contents.getOrDefault(c.id(), List.of())),
					List.copyOf(forms.getOrDefault(c.id(), List.of())), c.contactName(), c.contactPhone(),
					c.contactEmail(), c.createdAt(), c.createdBy()))
			.toList();
	}

	private void writeLists(long id, CampaignValidation.Valid v) {
		for (int i = 0; i < v.deadlines().size(); i++) {
			jdbc.sql("INSERT INTO campaign_deadline (campaign_id, seq, due_at) VALUES (:id, :seq, :due)")
				.param("id", id)
				.param("seq", i + 1)
				.param("due", Timestamp.from(v.deadlines().get(i)))
				.update();
		}
		writeItems(id, "CONTENT", v.contentItems());
		writeItems(id, "FORM", v.activityForms());
	}

	private void writeItems(long id, String kind, List<String> items) {
		for (int i = 0; i < items.size(); i++) {
			jdbc.sql("INSERT INTO campaign_item (campaign_id, kind, seq, text) VALUES (:id, :kind, :seq, :text)")
				.param("id", id)
				.param("kind", kind)
				.param("seq", i + 1)
				.param("text", items.get(i))
				.update();
		}
	}

	private SealedValue sealedContactPhone(long id) {
		return jdbc.sql("""
				SELECT contact_phone_cipher AS cipher_text, contact_phone_hash AS search_hash,
				    contact_phone_masked AS masked
				FROM campaign WHERE id = :id
				""")
			.param("id", id)
			.query(SealedValue.class)
			.optional()
			.filter(v -> v.cipherText() != null)
			.orElse(null);
	}

	/**
	 * The full contact phone of a campaign the viewer can see, for a viewer with {@code personal-data:view}; the read
	 * is audited. 404 outside the viewer's scope; {@code null} when the campaign has no contact phone.
	 */
	@Transactional
	public String revealContactPhone(CurrentUser viewer, long id) {
		Campaign campaign = get(viewer.scope(), id);
		SealedValue sealed = sealedContactPhone(id);
		Map<PersonalData.Kind, String> cipher = new EnumMap<>(PersonalData.Kind.class);
		cipher.put(PersonalData.Kind.PHONE, sealed == null ? null : sealed.cipherText());
		return personalData.reveal(viewer, ENTITY, id, campaign.region(), cipher).get(PersonalData.Kind.PHONE);
	}

	static Id id(long value) {
		return new Id(value);
	}

	/** A campaign id for look-ups that ignore scope (inside the module only). */
	record Id(long value) {
	}

	/** One row of the campaign table before its lists are attached (read by column name). */
	private record Row(long id, Long parentId, String name, String theme, String regionCode, String regionName,
			int reportingLevel, LocalDate startDate, LocalDate endDate, Instant summaryDeadline, String tableTitle,
			String contactName, String contactPhone, String contactEmail, Instant createdAt, String createdBy) {

		Campaign campaign(List<Deadline> deadlines, List<String> contents, List<String> forms) {
			return new Campaign(id, parentId, name, theme, new RegionCode(regionCode), regionName,
					RegionLevel.ofNumber(reportingLevel), startDate, endDate, deadlines,
					summaryDeadline == null ? null : new Deadline(1, summaryDeadline), tableTitle, contents, forms,
					contactName, contactPhone, contactEmail, createdAt, createdBy);
		}

	}

}
