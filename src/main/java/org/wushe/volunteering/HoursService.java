package org.wushe.volunteering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.Texts;

/**
 * Service hours (谁组织谁记录): the organizer records each volunteer's sessions, in whole minutes, never overlapping
 * one another for the same volunteer; the record is then confirmed (by the volunteer, or by the organizer on their
 * behalf) or disputed. A confirmed record is never changed: a correction is a reversing record with a reason. Confirmed
 * minutes are counted on the region's figures, and those of a time-bank project deposited in the volunteer's account,
 * in the same transaction.
 */
@Service
public class HoursService {

	static final String ENTITY = "volunteer-hours";

	/** The longest session one record may hold. */
	static final int MAX_MINUTES = 24 * 60;

	/** Where a record stands. */
	public enum Status {
		RECORDED, CONFIRMED, DISPUTED, VOID
	}

	/** One session as the organizer sends it. */
	public record Entry(Long volunteerId, String start, String end, String content) {
	}

	/** An entry that was refused: its position in the request, the field, and why. */
	public record Rejected(int index, String field, String message) {
	}

	/** What was stored and what was refused. */
	public record Outcome(List<Long> recorded, List<Rejected> rejected) {
	}

	/** A record as read back; a reversal has negative minutes and names the record it reverses. */
	public record Record(long id, long projectId, String projectName, long volunteerId, String regionCode,
			LocalDateTime start, LocalDateTime end, int minutes, String content, Status status, Long reversesId,
			boolean reversed, String reason) {
	}

	/** A volunteer's records in a period and their confirmed total net of reversals. */
	public record Statement(long totalMinutes, List<Record> records) {
	}

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final VolunteerDirectory volunteers;

	private final TimeBank timeBank;

	private final VolunteeringTally tally;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clerk clerk;

	private final TransactionTemplate tx;

	private final TransactionTemplate ownTx;

	HoursService(JdbcClient jdbc, ProjectService projects, VolunteerDirectory volunteers, TimeBank timeBank,
			VolunteeringTally tally, AuditTrail audit, Texts texts, Clerk clerk,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.volunteers = volunteers;
		this.timeBank = timeBank;
		this.tally = tally;
		this.audit = audit;
		this.texts = texts;
		this.clerk = clerk;
		this.tx = new TransactionTemplate(transactions);
		this.ownTx = new TransactionTemplate(transactions);
		this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A checked entry, ready to store. */
	private record Session(int index, long volunteerId, LocalDateTime start, LocalDateTime end, int minutes,
			String content) {
	}

	/**
	 * Records an attendance sheet of project {@code projectId}. Every entry is checked; unless {@code validOnly},
	 * nothing is stored when any entry is refused.
	 */
	public Outcome record(RegionScope scope, long projectId, List<Entry> entries, boolean validOnly) {
		ProjectService.Project project = projects.project(scope, projectId);
		if (entries == null || entries.isEmpty()) {
			throw InvalidInputException.of("entries", "volunteering.hours.empty");
		}
		if (entries.size() > 5000) {
			throw InvalidInputException.of("entries", "volunteering.hours.too-many", 5000);
		}
		List<Rejected> rejected = new ArrayList<>();
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Session s = check(scope, project, i, entries.get(i), rejected);
			if (s != null) {
				sessions.add(s);
			}
		}
		// overlaps within the sheet itself
		List<Session> clear = new ArrayList<>();
		for (Session s : sessions) {
			Optional<Session> clash = clear.stream()
				.filter(o -> o.volunteerId() == s.volunteerId() && o.start().isBefore(s.end())
						&& s.start().isBefore(o.end()))
				.findFirst();
			if (clash.isPresent()) {
				rejected.add(new Rejected(s.index(), "start",
						texts.get("volunteering.hours.overlap-entry", clash.get().index())));
			}
			else {
				clear.add(s);
			}
		}
		if (!rejected.isEmpty() && !validOnly) {
			return outcome(List.of(), rejected);
		}
		if (clear.isEmpty()) {
			return outcome(List.of(), rejected);
		}
		List<Long> ids = tx.execute(status -> {
			lockVolunteers(clear.stream().map(Session::volunteerId).toList());
			List<Session> stored = new ArrayList<>();
			List<Rejected> clashes = new ArrayList<>();
			for (Session s : clear) {
				Optional<Record> clash = overlapping(s.volunteerId(), s.start(), s.end());
				if (clash.isPresent()) {
					Record r = clash.get();
					clashes.add(new Rejected(s.index(), "start", texts.get("volunteering.hours.overlap", r.id(),
							r.projectName(), r.start().toString().replace('T', ' '),
							r.end().toString().replace('T', ' '))));
				}
				else {
					stored.add(s);
				}
			}
			rejected.addAll(clashes);
			if (!clashes.isEmpty() && !validOnly) {
				status.setRollbackOnly();
				return List.of();
			}
			List<Long> recorded = new ArrayList<>();
			for (Session s : stored) {
				recorded.add(insert(project, s));
			}
			if (!recorded.isEmpty()) {
				audit.record("volunteer-hours.record", ENTITY, projectId, RegionCode.parse(project.regionCode()));
			}
			return recorded;
		});
		return outcome(ids, rejected);
	}

	private static Outcome outcome(List<Long> recorded, List<Rejected> rejected) {
		List<Rejected> sorted = new ArrayList<>(rejected);
		sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
		return new Outcome(List.copyOf(recorded), sorted);
	}

	private Session check(RegionScope scope, ProjectService.Project project, int index, Entry e,
			List<Rejected> rejected) {
		int before = rejected.size();
		if (e == null) {
			rejected.add(new Rejected(index, "volunteerId", texts.get("actor.input.required")));
			return null;
		}
		if (e.volunteerId() == null) {
			rejected.add(new Rejected(index, "volunteerId", texts.get("actor.input.required")));
		}
		else if (volunteers.find(scope, e.volunteerId()).filter(VolunteerDirectory.Entry::active).isEmpty()) {
			rejected.add(new Rejected(index, "volunteerId",
					texts.get("volunteering.input.unknown-volunteer", e.volunteerId())));
		}
		LocalDateTime start = time(index, "start", e.start(), rejected);
		LocalDateTime end = time(index, "end", e.end(), rejected);
		String content = e.content() == null ? "" : e.content().strip();
		if (content.isEmpty()) {
			rejected.add(new Rejected(index, "content", texts.get("actor.input.required")));
		}
		else if (content.length() > 500) {
			rejected.add(new Rejected(index, "content", texts.get("actor.input.too-long", 500)));
		}
		int minutes = 0;
		if (start != null && end != null) {
			long m = Duration.between(start, end).toMinutes();
			if (m <= 0) {
				rejected.add(new Rejected(index, "end", texts.get("volunteering.hours.not-positive")));
			}
			else if (m > MAX_MINUTES) {
				rejected.add(new Rejected(index, "end", texts.get("volunteering.hours.too-long", MAX_MINUTES / 60)));
			}
			else {
				minutes = (int) m;
			}
			if (start.toLocalDate().isBefore(project.startDate()) || start.toLocalDate().isAfter(project.endDate())) {
				rejected.add(new Rejected(index, "start",
						texts.get("volunteering.hours.outside-project", project.startDate(), project.endDate())));
			}
			if (end.isAfter(LocalDateTime.now(clerk.clock()).plusMinutes(5))) {
				rejected.add(new Rejected(index, "end", texts.get("volunteering.hours.future")));
			}
		}
		if (rejected.size() > before) {
			return null;
		}
		return new Session(index, e.volunteerId(), start, end, minutes, content);
	}

	private LocalDateTime time(int index, String field, String text, List<Rejected> rejected) {
		if (text == null || text.isBlank()) {
			rejected.add(new Rejected(index, field, texts.get("actor.input.required")));
			return null;
		}
		try {
			LocalDateTime t = LocalDateTime.parse(text.strip());
			if (t.getSecond() != 0 || t.getNano() != 0) {
				rejected.add(new Rejected(index, field, texts.get("volunteering.hours.whole-minutes")));
				return null;
			}
			return t;
		}
		catch (DateTimeParseException ex) {
			rejected.add(new Rejected(index, field, texts.get("volunteering.hours.time-format", text.strip())));
			return null;
		}
	}

	/**
	 * Locks each volunteer's total row, in a fixed order, so that two recorders of the same volunteer check for
	 * overlaps one after the other. A missing row is created in a short transaction of its own.
	 */
	private void lockVolunteers(List<Long> volunteerIds) {
		for (long v : new TreeSet<>(volunteerIds)) {
			String key = Long.toString(v);
			int n = jdbc.sql("UPDATE service_hours_total SET minutes = minutes WHERE volunteer_key = :k")
				.param("k", key)
				.update();
			if (n == 0) {
				try {
					ownTx.executeWithoutResult(s -> jdbc
						.sql("INSERT INTO service_hours_total (volunteer_key, minutes) VALUES (:k, 0)")
						.param("k", key)
						.update());
				}
				catch (DuplicateKeyException raced) {
					// created meanwhile
				}
				jdbc.sql("UPDATE service_hours_total SET minutes = minutes WHERE volunteer_key = :k")
					.param("k", key)
					.update();
			}
		}
	}

	private Optional<Record> overlapping(long volunteerId, LocalDateTime start, LocalDateTime end) {
		return jdbc.sql(SELECT + """
				WHERE h.volunteer_id = :v AND h.reverses_id IS NULL
				  AND h.started_at < :end AND h.ended_at > :start
				  AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id)
				ORDER BY h.started_at LIMIT 1
				""")
			.param("v", volunteerId)
			.param("start", Timestamp.valueOf(start))
			.param("end", Timestamp.valueOf(end))
			.query((rs, n) -> record(rs))
			.optional();
	}

	private long insert(ProjectService.Project project, Session s) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO service_hours (project_id, volunteer_id, region_code, started_at, ended_at, minutes, content,
				    status, recorded_at, recorded_by)
				VALUES (:p, :v, :region, :start, :end, :minutes, :content, 'RECORDED', :at, :by)
				""")
			.param("p", project.id())
			.param("v", s.volunteerId())
			.param("region", project.regionCode())
			.param("start", Timestamp.valueOf(s.start()))
			.param("end", Timestamp.valueOf(s.end()))
			.param("minutes", s.minutes())
			.param("content", s.content())
			.param("at", clerk.now())
			.param("by", clerk.name())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static final String SELECT = """
			SELECT h.id, h.project_id, p.name, h.volunteer_id, h.region_code, h.started_at, h.ended_at, h.minutes,
			    h.content, h.status, h.reverses_id,
			    (SELECT COUNT(*) FROM service_hours r WHERE r.reverses_id = h.id) AS reversed, h.reason
			FROM service_hours h JOIN service_project p ON p.id = h.project_id
			""";

	private static Record record(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Record(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getTimestamp(6).toLocalDateTime(), rs.getTimestamp(7).toLocalDateTime(), rs.getInt(8),
				rs.getString(9), Status.valueOf(rs.getString(10)), (Long) rs.getObject(11, Long.class),
				rs.getLong(12) > 0, rs.getString(13));
	}

	public Optional<Record> find(RegionScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE h.id = :id AND h.region_code >= :from AND h.region_code < :to")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query((rs, n) -> record(rs))
			.optional();
	}

	public Record get(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("volunteering.hours.unknown", id));
	}

	/**
	 * Confirms a record: by the volunteer, or by the organizer on their behalf ({@code reason}). Its minutes count
	 * from now on, and go into the time bank when the project counts for it.
	 */
	@Transactional
	public Record confirm(RegionScope scope, long id, String reason) {
		Record r = get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.reversed()) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		if (r.status() == Status.CONFIRMED) {
			throw BusinessException.conflict("volunteering.hours.already-confirmed", id);
		}
		String why = reason(reason, false);
		int n = jdbc.sql("""
				UPDATE service_hours SET status = 'CONFIRMED', reason = :reason, decided_at = :at, decided_by = :by
				WHERE id = :id AND status IN ('RECORDED', 'DISPUTED')
				""")
			.param("reason", why, java.sql.Types.VARCHAR)
			.param("at", clerk.now())
			.param("by", clerk.name())
			.param("id", id)
			.update();
		if (n == 0) {
			throw BusinessException.conflict("volunteering.hours.already-confirmed", id);
		}
		counted(r, r.minutes());
		ProjectService.Project project = projects.project(scope, r.projectId());
		if (project.timeBank()) {
			timeBank.deposit(id, r.volunteerId(), volunteerRegion(r.volunteerId()), r.minutes());
		}
		audit.record("volunteer-hours.confirm", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, id);
	}

	/** The volunteer disputes a record that is not confirmed: it goes back to the organizer. */
	@Transactional
	public Record dispute(RegionScope scope, long id, String reason) {
		Record r = get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.status() == Status.CONFIRMED) {
			throw BusinessException.conflict("volunteering.hours.already-confirmed", id);
		}
		if (r.reversed()) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		String why = reason(reason, true);
		int n = jdbc.sql("""
				UPDATE service_hours SET status = 'DISPUTED', reason = :reason, decided_at = :at, decided_by = :by
				WHERE id = :id AND status = 'RECORDED'
				""")
			.param("reason", why)
			.param("at", clerk.now())
			.param("by", clerk.name())
			.param("id", id)
			.update();
		if (n == 0) {
			throw BusinessException.conflict("volunteering.hours.already-disputed", id);
		}
		audit.record("volunteer-hours.dispute", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, id);
	}

	/**
	 * Reverses a record with a reason: a new record with the negative minutes, kept beside the original. A confirmed
	 * record's minutes stop counting, and what it deposited in the time bank is taken back. Only once per record.
	 */
	@Transactional
	public Record reverse(RegionScope scope, long id, String reason) {
		Record r = get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.reversed()) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		String why = reason(reason, true);
		boolean confirmed = r.status() == Status.CONFIRMED;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO service_hours (project_id, volunteer_id, region_code, started_at, ended_at, minutes,
					    content, status, reverses_id, reason, recorded_at, recorded_by)
					VALUES (:p, :v, :region, :start, :end, :minutes, :content, :status, :reverses, :reason, :at, :by)
					""")
				.param("p", r.projectId())
				.param("v", r.volunteerId())
				.param("region", r.regionCode())
				.param("start", Timestamp.valueOf(r.start()))
				.param("end", Timestamp.valueOf(r.end()))
				.param("minutes", -r.minutes())
				.param("content", r.content())
				.param("status", confirmed ? Status.CONFIRMED.name() : Status.VOID.name())
				.param("reverses", id)
				.param("reason", why)
				.param("at", clerk.now())
				.param("by", clerk.name())
				.update(keys, "id");
		}
		catch (DuplicateKeyException twice) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		long reversal = keys.getKey().longValue();
		if (confirmed) {
			counted(r, -r.minutes());
			if (projects.project(scope, r.projectId()).timeBank()) {
				timeBank.withdrawDeposit(id, r.volunteerId(), volunteerRegion(r.volunteerId()));
			}
		}
		audit.record("volunteer-hours.reverse", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, reversal);
	}

	private void counted(Record r, int minutes) {
		tally.add(VolunteeringTally.Figure.MINUTES, r.regionCode(), r.start().toLocalDate(), minutes);
		jdbc.sql("UPDATE service_hours_total SET minutes = minutes + :m WHERE volunteer_key = :k")
			.param("m", minutes)
			.param("k", Long.toString(r.volunteerId()))
			.update();
	}

	private String volunteerRegion(long volunteerId) {
		return volunteers.find(new RegionScope(RegionCode.COUNTRY), volunteerId)
			.map(VolunteerDirectory.Entry::regionCode)
			.orElseThrow(() -> BusinessException.notFound("volunteering.input.unknown-volunteer", volunteerId));
	}

	private static String reason(String reason, boolean required) {
		String s = reason == null ? "" : reason.strip();
		if (s.isEmpty()) {
			if (required) {
				throw InvalidInputException.of("reason", "actor.input.required");
			}
			return null;
		}
		if (s.length() > 200) {
			throw InvalidInputException.of("reason", "actor.input.too-long", 200);
		}
		return s;
	}

	/** A volunteer's records in scope whose service started from {@code from} to {@code to}, with their total. */
	public Statement ofVolunteer(RegionScope scope, long volunteerId, LocalDate from, LocalDate to) {
		volunteers.find(scope, volunteerId)
			.orElseThrow(() -> BusinessException.notFound("volunteering.input.unknown-volunteer", volunteerId));
		List<Record> records = jdbc.sql(SELECT + """
				WHERE h.volunteer_id = :v AND h.region_code >= :rfrom AND h.region_code < :rto
				  AND h.started_at >= :from AND h.started_at < :to
				ORDER BY h.started_at, h.id
				""")
			.param("v", volunteerId)
			.param("rfrom", scope.from())
			.param("rto", scope.to())
			.param("from", Timestamp.valueOf(from.atStartOfDay()))
			.param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query((rs, n) -> record(rs))
			.list();
		long total = records.stream().filter(r -> r.status() == Status.CONFIRMED).mapToLong(Record::minutes).sum();
		return new Statement(total, records);
	}

	/** The records of a project in scope, newest first. */
	public List<Record> ofProject(RegionScope scope, long projectId) {
		projects.project(scope, projectId);
		return jdbc.sql(SELECT + " WHERE h.project_id = :p ORDER BY h.started_at DESC, h.id DESC LIMIT 1000")
			.param("p", projectId)
			.query((rs, n) -> record(rs))
			.list();
	}


}
