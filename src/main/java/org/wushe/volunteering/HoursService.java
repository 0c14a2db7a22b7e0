package org.wushe.volunteering;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.RejectedEntries;
import org.wushe.shared.Texts;

/**
 * Service hours (谁组织谁记录): the organizer records each volunteer's sessions, in whole minutes, never overlapping
 * one another for the same volunteer ({@link AttendanceSheet} checks a sheet); the record is then confirmed (by the
 * volunteer, or by the organizer on their behalf) or disputed. A confirmed record is never changed: a correction is a
 * reversing record with a reason ({@link HoursDecisions}). Confirmed minutes are counted on the region's figures, and
 * those of a time-bank project deposited in the volunteer's account, in the same transaction.
 */
@Service
public class HoursService {

	static final String ENTITY = "volunteer-hours";

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

	/** The most entries one sheet may hold. */
	static final int MAX_ENTRIES = 5000;

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final AttendanceSheet sheet;

	private final HoursRecords records;

	private final HoursDecisions decisions;

	private final JdbcTemplate template;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clerk clerk;

	private final TransactionTemplate tx;

	HoursService(JdbcClient jdbc, ProjectService projects, AttendanceSheet sheet, HoursRecords records,
			HoursDecisions decisions, JdbcTemplate template, AuditTrail audit, Texts texts, Clerk clerk,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.sheet = sheet;
		this.records = records;
		this.decisions = decisions;
		this.template = template;
		this.audit = audit;
		this.texts = texts;
		this.clerk = clerk;
		this.tx = new TransactionTemplate(transactions);
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
		if (entries.size() > MAX_ENTRIES) {
			throw InvalidInputException.of("entries", "volunteering.hours.too-many", MAX_ENTRIES);
		}
		AttendanceSheet.Checked checked = sheet.check(scope, project, entries);
		List<Rejected> rejected = new ArrayList<>(checked.rejected());
		List<AttendanceSheet.Session> clear = checked.sessions();
		if ((!rejected.isEmpty() && !validOnly) || clear.isEmpty()) {
			return outcome(List.of(), rejected);
		}
		List<Long> ids = tx.execute(status -> {
			List<Rejected> clashes = new ArrayList<>();
			List<Long> recorded = store(project, clear, clashes, !validOnly);
			rejected.addAll(clashes);
			if (!clashes.isEmpty() && !validOnly) {
				status.setRollbackOnly();
				return List.of();
			}
			return recorded;
		});
		return outcome(ids, rejected);
	}

	/**
	 * Stores checked sessions in the caller's transaction, under the volunteers' locks: a session that overlaps a
	 * stored record is refused into {@code clashes}; when {@code allOrNothing}, nothing is stored once one is.
	 */
	List<Long> store(ProjectService.Project project, List<AttendanceSheet.Session> sessions, List<Rejected> clashes,
			boolean allOrNothing) {
		lockVolunteers(sessions.stream().map(AttendanceSheet.Session::volunteerId).toList());
		Map<Integer, Record> overlaps = records.overlapping(sessions);
		List<AttendanceSheet.Session> stored = new ArrayList<>();
		for (AttendanceSheet.Session s : sessions) {
			Record clash = overlaps.get(s.index());
			if (clash != null) {
				clashes.add(new Rejected(s.index(), "start", overlapMessage(clash)));
			}
			else {
				stored.add(s);
			}
		}
		if (!clashes.isEmpty() && allOrNothing) {
			return List.of();
		}
		List<Long> recorded = insert(project, stored);
		if (!recorded.isEmpty()) {
			audit.record("volunteer-hours.record", ENTITY, project.id(), RegionCode.parse(project.regionCode()));
		}
		return recorded;
	}

	/**
	 * The refusal of a sheet stored all or nothing: one field error per refused entry, and the outcome's
	 * {@code recorded} (empty) and {@code rejected} members in the answer.
	 */
	public RejectedEntries refused(Outcome o) {
		List<FieldError> errors = o.rejected().stream()
			.map(r -> new FieldError(r.field(), "volunteering.hours.rejected-entry", r.index() + 1, r.message()))
			.toList();
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("recorded", o.recorded());
		members.put("rejected", o.rejected());
		return new RejectedEntries(errors, members);
	}

	/** Why a session clashes with the stored record {@code r}, naming it. */
	String overlapMessage(Record r) {
		return texts.get("volunteering.hours.overlap", r.id(), r.projectName(), r.start().toString().replace('T', ' '),
				r.end().toString().replace('T', ' '));
	}

	private static Outcome outcome(List<Long> recorded, List<Rejected> rejected) {
		List<Rejected> sorted = new ArrayList<>(rejected);
		sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
		return new Outcome(List.copyOf(recorded), sorted);
	}

	/**
	 * Locks each volunteer's total row, in a fixed order (of the keys), so that two recorders of the same volunteer
	 * check for overlaps one after the other. Missing rows are created first, all in one batch ({@code ON CONFLICT DO
	 * NOTHING}, in key order: a concurrent creator's row is found after its commit); then all rows are locked with one
	 * {@code SELECT … FOR UPDATE} per {@link HoursRecords#CHUNK} volunteers, in key order.
	 */
	private void lockVolunteers(List<Long> volunteerIds) {
		List<String> keys = volunteerIds.stream().distinct().map(String::valueOf).sorted().toList();
		template.batchUpdate("INSERT INTO service_hours_total (volunteer_key, minutes) VALUES (?, 0) ON CONFLICT DO NOTHING",
				keys.stream().map(k -> new Object[] { k }).toList());
		for (int from = 0; from < keys.size(); from += HoursRecords.CHUNK) {
			List<String> chunk = keys.subList(from, Math.min(from + HoursRecords.CHUNK, keys.size()));
			int locked = jdbc.sql("""
					SELECT volunteer_key FROM service_hours_total WHERE volunteer_key IN (:k)
					ORDER BY volunteer_key FOR UPDATE
					""").param("k", chunk).query(String.class).list().size();
			if (locked != chunk.size()) {
				throw new IllegalStateException("volunteer total rows missing after they were created");
			}
		}
	}

	private static final String INSERT = """
			INSERT INTO service_hours (project_id, volunteer_id, region_code, started_at, ended_at, minutes, content,
			    status, recorded_at, recorded_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'RECORDED', ?, ?)
			""";

	/** Inserts the sessions with one batch; answers their ids in order. */
	private List<Long> insert(ProjectService.Project project, List<AttendanceSheet.Session> sessions) {
		if (sessions.isEmpty()) {
			return List.of();
		}
		Timestamp at = clerk.now();
		String by = clerk.name();
		return BatchInserts.insert(template, INSERT, sessions.size(), (ps, i) -> {
			AttendanceSheet.Session s = sessions.get(i);
			ps.setLong(1, project.id());
			ps.setLong(2, s.volunteerId());
			ps.setString(3, project.regionCode());
			ps.setTimestamp(4, Timestamp.valueOf(s.start()));
			ps.setTimestamp(5, Timestamp.valueOf(s.end()));
			ps.setInt(6, s.minutes());
			ps.setString(7, s.content());
			ps.setTimestamp(8, at);
			ps.setString(9, by);
		});
	}

	public Optional<Record> find(RegionScope scope, long id) {
		return records.find(scope, id);
	}

	public Record get(RegionScope scope, long id) {
		return records.get(scope, id);
	}

	/**
	 * Confirms a record: by the volunteer, or by the organizer on their behalf ({@code reason}). Its minutes count
	 * from now on, and go into the time bank when the project counts for it.
	 */
	public Record confirm(RegionScope scope, long id, String reason) {
		return decisions.confirm(scope, id, reason);
	}

	/** The volunteer disputes a record that is not confirmed: it goes back to the organizer. */
	public Record dispute(RegionScope scope, long id, String reason) {
		return decisions.dispute(scope, id, reason);
	}

	/**
	 * Reverses a record with a reason: a new record with the negative minutes, kept beside the original. A confirmed
	 * record's minutes stop counting, and what it deposited in the time bank is taken back. Only once per record.
	 */
	public Record reverse(RegionScope scope, long id, String reason) {
		return decisions.reverse(scope, id, reason);
	}

	/** A volunteer's records in scope whose service started from {@code from} to {@code to}, with their total. */
	public Statement ofVolunteer(RegionScope scope, long volunteerId, LocalDate from, LocalDate to) {
		return records.ofVolunteer(scope, volunteerId, from, to);
	}

	/** The records of a project in scope, newest first. */
	public List<Record> ofProject(RegionScope scope, long projectId) {
		return records.ofProject(scope, projectId);
	}

}
