package org.wushe.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.SealedValue;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ReasonInput;

/**
 * The campaign module's public API for progress reports: each reporting unit submits, per deadline, a report covering
 * its subtree's activity records up to the deadline's date. A submission freezes the rows as an immutable version,
 * stamped on time or late against the deadline instant; the level above may return it with a reason; every later
 * submission is a new version. Completeness and reminders are computed from the deadline instants and the clock when
 * asked.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProgressReports {

	static final String ENTITY = "progress-report";

	/** The reason the level above gives when it returns a report. */
	private static final ReasonInput REASON = new ReasonInput("reason", 1000, "campaign.error.required",
			"campaign.error.too-long");

	private final JdbcClient jdbc;

	private final CampaignService campaigns;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final ObjectProvider<CampaignActivitySource> source;

	private final ApplicationEventPublisher events;

	private final ReportVersions versions;

	private final ReporterPhones phones;

	/** A unit's report for a deadline, with all versions and returns; 404 unless the scope covers the unit. */
	public ProgressReport get(RegionScope scope, long campaignId, int deadline, RegionCode unit) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Region region = requireUnit(scope, campaign, unit);
		return load(campaign, campaign.deadline(deadline), region);
	}

	/** The rows a submission now would freeze: the unit's records up to the deadline's date. */
	public List<ReportRow> liveRows(RegionScope scope, long campaignId, int deadline, RegionCode unit) {
		Campaign campaign = campaigns.get(scope, campaignId);
		requireUnit(scope, campaign, unit);
		List<ReportRow> rows = new ArrayList<>();
		forEachLiveRow(campaign, campaign.deadline(deadline), unit, rows::add);
		return rows;
	}

	/** Hands the live rows of a unit to {@code sink}, streaming; the scope must cover the unit. */
	public void forEachLiveRow(RegionScope scope, long campaignId, int deadline, RegionCode unit,
			Consumer<ReportRow> sink) {
		Campaign campaign = campaigns.get(scope, campaignId);
		if (!scope.covers(unit)) {
			throw BusinessException.notFound("region.error.unknown", unit.value());
		}
		forEachLiveRow(campaign, campaign.deadline(deadline), unit, sink);
	}

	/** The frozen rows of one version of a unit's report. */
	public List<ReportRow> versionRows(RegionScope scope, long campaignId, int deadline, RegionCode unit, int version) {
		ProgressReport report = get(scope, campaignId, deadline, unit);
		ReportVersion v = report.versions()
			.stream()
			.filter(x -> x.version() == version)
			.findFirst()
			.orElseThrow(() -> BusinessException.notFound("campaign.error.version-unknown", version));
		List<ReportRow> rows = new ArrayList<>();
		forEachVersionRow(v.id(), rows::add);
		return rows;
	}

	/** Streams the frozen rows of a version (its id from {@link ReportVersion#id()}), in their order. */
	public void forEachVersionRow(long versionId, Consumer<ReportRow> sink) {
		versions.forEachRow(versionId, sink);
	}

	/**
	 * Submits (or, when submitted before, corrects) a unit's report: freezes its rows as a new version, stamped on
	 * time or late against the deadline instant.
	 */
	public ProgressReport submit(RegionScope scope, long campaignId, int deadline, RegionCode unit, String reporter,
			String reporterPhone, String by) {
		return submitAt(scope, campaignId, deadline, unit, reporter, reporterPhone, by, Instant.now(clock));
	}

	/** {@link #submit} at a given instant (demo data replays past submissions). */
	ProgressReport submitAt(RegionScope scope, long campaignId, int deadline, RegionCode unit, String reporter,
			String reporterPhone, String by, Instant at) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Region region = requireUnit(scope, campaign, unit);
		Deadline due = campaign.deadline(deadline);
		List<FieldError> errors = new ArrayList<>();
		String who = CampaignValidation.TEXT.read(reporter, "reporter", 100, false, errors);
		String typed = CampaignValidation.TEXT.read(reporterPhone, "reporterPhone", 40, false, errors);
		SealedValue sealed = phones.seal(typed, campaign, due, unit, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		for (int attempt = 1;; attempt++) {
			try {
				tx.executeWithoutResult(status -> {
					long reportId = versions.freeze(campaign, due, unit, who, sealed, by, at, () -> {
						List<ReportRow> rows = new ArrayList<>();
						forEachLiveRow(campaign, due, unit, rows::add);
						return rows;
					});
					audit.record("report.submit", ENTITY, reportId, unit);
				});
				break;
			}
			catch (DuplicateKeyException ex) {
				// two first submissions at once: the other created the report; this one becomes its next version
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
		return load(campaign, due, region);
	}

	/**
	 * The full reporter phone of one version of a unit's report, for a viewer with {@code personal-data:view}; the
	 * read is audited. 404 unless the viewer's scope covers the unit; {@code null} when the version has no phone.
	 */
	public String revealReporterPhone(CurrentUser viewer, long campaignId, int deadline, RegionCode unit,
			int version) {
		ProgressReport report = get(viewer.scope(), campaignId, deadline, unit);
		ReportVersion v = report.versions()
			.stream()
			.filter(x -> x.version() == version)
			.findFirst()
			.orElseThrow(() -> BusinessException.notFound("campaign.error.version-unknown", version));
		return phones.reveal(viewer, v.id(), unit);
	}

	/** The level above returns the current version of a submitted report, with a reason. */
	public ProgressReport returnReport(RegionScope scope, long campaignId, int deadline, RegionCode unit,
			String reason, String by) {
		return returnAt(scope, campaignId, deadline, unit, reason, by, Instant.now(clock));
	}

	/** {@link #returnReport} at a given instant (demo data replays past returns). */
	ProgressReport returnAt(RegionScope scope, long campaignId, int deadline, RegionCode unit, String reason, String by,
			Instant now) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Region region = requireUnit(scope, campaign, unit);
		Deadline due = campaign.deadline(deadline);
		if (scope.root().equals(unit)) {
			throw BusinessException.forbidden("campaign.error.return-own");
		}
		String why = REASON.required(reason);
		tx.executeWithoutResult(status -> {
			Optional<ReportHead> report = jdbc.sql("SELECT " + ReportHead.COLUMNS + """
					 FROM progress_report WHERE campaign_id = :c AND deadline_no = :n AND unit_code = :u FOR UPDATE
					""")
				.param("c", campaignId)
				.param("n", due.number())
				.param("u", unit.value())
				.query(ReportHead.class)
				.optional();
			if (report.isEmpty() || !report.get().reportStatus().isSubmitted()) {
				throw BusinessException.conflict("campaign.error.return-not-submitted");
			}
			long id = report.get().id();
			jdbc.sql("""
					INSERT INTO progress_report_return (report_id, version, returned_at, returned_by, reason)
					VALUES (:r, :v, :at, :by, :reason)
					""")
				.param("r", id)
				.param("v", report.get().currentVersion())
				.param("at", Timestamp.from(now))
				.param("by", by)
				.param("reason", why)
				.update();
			jdbc.sql("UPDATE progress_report SET status = 'RETURNED', updated_at = :at WHERE id = :id")
				.param("at", Timestamp.from(now))
				.param("id", id)
				.update();
			audit.record("report.return", ENTITY, id, unit);
			events.publishEvent(new ReportReturned(campaign.id(), campaign.name(), due.number(), unit.value(), why));
		});
		return load(campaign, due, region);
	}

	/**
	 * Who has reported against a deadline among the reporting units under {@code region} (which must be in scope;
	 * a region above the campaign's is read as the campaign's region).
	 */
	public Completeness completeness(RegionScope scope, long campaignId, int deadline, RegionCode region) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Deadline due = campaign.deadline(deadline);
		Region board = boardRegion(scope, campaign, region);
		return board(campaign, due, board, jdbc.sql("SELECT " + ReportHead.COLUMNS + """
				 FROM progress_report
				WHERE campaign_id = :c AND deadline_no = :n AND unit_code >= :from AND unit_code < :to
				""").param("n", due.number()), true);
	}

	/**
	 * The completeness board of the reporting units under {@code board} against {@code due}, from the heads that
	 * {@code heads} reads (it binds {@code :c}, the campaign, and {@code :from} and {@code :to}, the board's subtree);
	 * {@code grouped} adds the counts by child region.
	 */
	Completeness board(Campaign campaign, Deadline due, Region board, JdbcClient.StatementSpec heads, boolean grouped) {
		Map<String, ReportHead> byUnit = heads.param("c", campaign.id())
			.param("from", board.code().subtreeFrom())
			.param("to", board.code().subtreeTo())
			.query(ReportHead.class)
			.list()
			.stream()
			.collect(Collectors.toMap(ReportHead::unitCode, r -> r));
		Instant now = Instant.now(clock);
		List<UnitCompleteness> units = units(campaign, board).stream()
			.map(u -> UnitCompleteness.of(u, byUnit.get(u.code().value()), due, now))
			.toList();
		return new Completeness(campaign.id(), due, board.code(), board.name(), units,
				grouped ? byChild(board, campaign, units) : List.of());
	}

	/** Reminders for the reporting unit of {@code userRegion}: deadlines less than 24 hours away, not yet met. */
	public List<Reminder> reminders(RegionScope scope, RegionCode userRegion) {
		Instant now = Instant.now(clock);
		List<Reminder> reminders = new ArrayList<>();
		for (Campaign c : campaigns.list(scope, 0, 200)) {
			if (!c.isReportingUnit(userRegion)) {
				continue;
			}
			for (Deadline d : c.deadlines()) {
				Deadline.Phase phase = d.phaseAt(now);
				if ((phase == Deadline.Phase.DUE_IN_A_DAY || phase == Deadline.Phase.DUE_IN_HOURS)
						&& !hasSubmitted(c.id(), d.number(), userRegion)) {
					reminders.add(new Reminder(c.id(), c.name(), d.number(), d.dueAt(), userRegion.value(),
							regionName(userRegion), phase == Deadline.Phase.DUE_IN_HOURS));
				}
			}
			Deadline s = c.summaryDeadline();
			if (s != null) {
				Deadline.Phase phase = s.phaseAt(now);
				if ((phase == Deadline.Phase.DUE_IN_A_DAY || phase == Deadline.Phase.DUE_IN_HOURS)
						&& !hasSummary(c.id(), userRegion)) {
					reminders.add(new Reminder(c.id(), c.name(), 0, s.dueAt(), userRegion.value(),
							regionName(userRegion), phase == Deadline.Phase.DUE_IN_HOURS));
				}
			}
		}
		return reminders;
	}

	/**
	 * What waits for a user on {@code userRegion} in the campaigns running now: as a reporting unit (when
	 * {@code submits}), its returned reports, its missed deadlines and its next deadline within a week; as a level
	 * above the units (when {@code reviews}), how many units below have not submitted against the last passed deadline.
	 */
	public List<ReportToDo> toDo(RegionScope scope, RegionCode userRegion, boolean submits, boolean reviews) {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.ofInstant(now, Deadline.ZONE);
		List<ReportToDo> todo = new ArrayList<>();
		for (Campaign c : current(scope, today)) {
			if (submits && c.isReportingUnit(userRegion)) {
				record Stage(int deadlineNo, String status) {
				}
				Map<Integer, String> statuses = jdbc
					.sql("SELECT deadline_no, status FROM progress_report WHERE campaign_id = :c AND unit_code = :u")
					.param("c", c.id())
					.param("u", userRegion.value())
					.query(Stage.class)
					.list()
					.stream()
					.collect(Collectors.toMap(Stage::deadlineNo, Stage::status));
				boolean nextShown = false;
				for (Deadline d : c.deadlines()) {
					String status = statuses.get(d.number());
					if (ReportStatus.RETURNED.name().equals(status)) {
						todo.add(item(ReportToDo.Kind.RETURNED, c, d, userRegion, 1));
					}
					else if (status == null || ReportStatus.DRAFT.name().equals(status)) {
						if (d.hasPassed(now)) {
							todo.add(item(ReportToDo.Kind.OVERDUE, c, d, userRegion, 1));
						}
						else if (!nextShown && d.dueAt().isBefore(now.plus(java.time.Duration.ofDays(7)))) {
							todo.add(item(ReportToDo.Kind.DUE, c, d, userRegion, 1));
							nextShown = true;
						}
					}
				}
			}
			if (reviews && c.reportingLevel().isBelow(userRegion.level())
					&& (c.region().contains(userRegion) || userRegion.contains(c.region()))) {
				Deadline last = null;
				for (Deadline d : c.deadlines()) {
					if (d.hasPassed(now)) {
						last = d;
					}
				}
				if (last != null) {
					Completeness board = completeness(scope, c.id(), last.number(), userRegion);
					long behind = board.units().stream().filter(u -> u.status() == UnitStatus.MISSING).count();
					if (behind > 0) {
						todo.add(item(ReportToDo.Kind.BEHIND, c, last, board.region(), behind));
					}
				}
			}
		}
		return todo;
	}

	/** The campaigns visible to the scope whose window or deadlines include {@code today}. */
	public List<Campaign> current(RegionScope scope, LocalDate today) {
		return campaigns.list(scope, 0, 200).stream().filter(c -> c.isCurrentOn(today)).toList();
	}

	private static ReportToDo item(ReportToDo.Kind kind, Campaign c, Deadline d, RegionCode unit, long count) {
		return new ReportToDo(kind, c.id(), c.name(), d.number(), d.dueAt(), unit.value(), count);
	}

	private boolean hasSubmitted(long campaignId, int deadline, RegionCode unit) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM progress_report
				WHERE campaign_id = :c AND deadline_no = :n AND unit_code = :u AND first_submitted_at IS NOT NULL
				""").param("c", campaignId).param("n", deadline).param("u", unit.value()).query(Long.class).single() > 0;
	}

	private boolean hasSummary(long campaignId, RegionCode unit) {
		return jdbc.sql("SELECT COUNT(*) FROM campaign_summary WHERE campaign_id = :c AND unit_code = :u")
			.param("c", campaignId)
			.param("u", unit.value())
			.query(Long.class)
			.single() > 0;
	}

	private String regionName(RegionCode code) {
		return regions.find(code).map(Region::name).orElse(code.value());
	}

	/** The reporting units (regions at the reporting level) under {@code board}, in code order. */
	List<Region> units(Campaign campaign, Region board) {
		if (board.level() == campaign.reportingLevel()) {
			return List.of(board);
		}
		return jdbc.sql("""
				SELECT code, name, level, parent_code FROM region
				WHERE level = :level AND code >= :from AND code < :to ORDER BY code
				""")
			.param("level", campaign.reportingLevel().number())
			.param("from", board.code().subtreeFrom())
			.param("to", board.code().subtreeTo())
			.query((rs, i) -> new Region(new RegionCode(rs.getString(1)), rs.getString(2),
					RegionLevel.ofNumber(rs.getInt(3)), rs.getString(4) == null ? null : new RegionCode(rs.getString(4)),
					0, 0, 0, 0, 0))
			.list();
	}

	/** The region a completeness board is drawn for: inside the scope and the campaign, at or above the units. */
	Region boardRegion(RegionScope scope, Campaign campaign, RegionCode requested) {
		RegionCode code = requested == null ? scope.root() : requested;
		if (code.contains(campaign.region())) {
			code = campaign.region();
		}
		if (!scope.covers(code) || !campaign.region().contains(code)
				|| code.level().isBelow(campaign.reportingLevel())) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return regions.get(code);
	}

	private List<Completeness.Group> byChild(Region board, Campaign campaign, List<UnitCompleteness> units) {
		if (board.level() == campaign.reportingLevel()) {
			return List.of();
		}
		RegionLevel childLevel = RegionLevel.ofNumber(board.level().number() + 1);
		Map<String, Map<UnitStatus, Integer>> counts = new LinkedHashMap<>();
		for (Region child : regions.children(board.code())) {
			Map<UnitStatus, Integer> m = new EnumMap<>(UnitStatus.class);
			for (UnitStatus s : UnitStatus.values()) {
				m.put(s, 0);
			}
			counts.put(child.code().value(), m);
		}
		for (UnitCompleteness u : units) {
			String child = new RegionCode(u.regionCode()).ancestorAt(childLevel).value();
			counts.computeIfAbsent(child, k -> new EnumMap<>(UnitStatus.class)).merge(u.status(), 1, Integer::sum);
		}
		Map<String, String> names = new HashMap<>();
		regions.children(board.code()).forEach(r -> names.put(r.code().value(), r.name()));
		List<Completeness.Group> groups = new ArrayList<>();
		counts.forEach((code, m) -> {
			if (m.values().stream().mapToInt(Integer::intValue).sum() > 0) {
				groups.add(new Completeness.Group(code, names.getOrDefault(code, code), m));
			}
		});
		return groups;
	}

	/** The reporting unit {@code unit} of the campaign: an existing region of its reporting level in scope, or 404. */
	Region requireUnit(RegionScope scope, Campaign campaign, RegionCode unit) {
		if (!scope.covers(unit) || !campaign.isReportingUnit(unit)) {
			throw BusinessException.notFound("campaign.error.unit-unknown", unit.value());
		}
		return regions.find(unit)
			.orElseThrow(() -> BusinessException.notFound("campaign.error.unit-unknown", unit.value()));
	}

	private void forEachLiveRow(Campaign campaign, Deadline due, RegionCode unit, Consumer<ReportRow> sink) {
		CampaignActivitySource rows = source.getIfAvailable();
		if (rows != null) {
			rows.forEachRow(campaigns.family(campaign.id()), unit, due.lastDay(), sink);
		}
	}

	private ProgressReport load(Campaign campaign, Deadline due, Region unit) {
		return versions.load(campaign, due, unit, Instant.now(clock));
	}
}
