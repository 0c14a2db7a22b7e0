package org.wushe.volunteering;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/** Reads service hours records: by id, a volunteer's in a period, a project's, and the one a new session overlaps. */
@Component
@RequiredArgsConstructor
public class HoursRecords {

	private static final String SELECT = """
			SELECT h.id, h.project_id, p.name AS project_name, h.volunteer_id, h.region_code, h.started_at AS start,
			    h.ended_at AS "end", h.minutes, h.content, h.status, h.reverses_id,
			    EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id) AS reversed, h.reason
			FROM service_hours h JOIN service_project p ON p.id = h.project_id
			""";

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final VolunteerDirectory volunteers;

	Optional<HoursService.Record> find(RegionScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE h.id = :id AND h.region_code >= :from AND h.region_code < :to")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(HoursService.Record.class)
			.optional();
	}

	HoursService.Record get(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> BusinessException.notFound("volunteering.hours.unknown", id));
	}

	/** The volunteer's first record in force (neither a reversal nor reversed) that overlaps the period, if any. */
	Optional<HoursService.Record> overlapping(long volunteerId, LocalDateTime start, LocalDateTime end) {
		return Optional.ofNullable(
				overlapping(List.of(new AttendanceSheet.Session(0, volunteerId, start, end, 0, ""))).get(0));
	}

	/** Volunteers asked about in one query. */
	static final int CHUNK = 1000;

	/**
	 * For each session (by its index), its volunteer's first record in force (neither a reversal nor reversed) that
	 * overlaps it; sessions without one are absent. One query per {@link #CHUNK} volunteers, over the period the
	 * chunk's sessions span.
	 */
	Map<Integer, HoursService.Record> overlapping(List<AttendanceSheet.Session> sessions) {
		Map<Long, List<AttendanceSheet.Session>> byVolunteer = new LinkedHashMap<>();
		sessions.forEach(s -> byVolunteer.computeIfAbsent(s.volunteerId(), v -> new ArrayList<>()).add(s));
		List<Long> volunteerIds = new ArrayList<>(byVolunteer.keySet());
		Map<Integer, HoursService.Record> clashes = new HashMap<>();
		for (int from = 0; from < volunteerIds.size(); from += CHUNK) {
			List<Long> chunk = volunteerIds.subList(from, Math.min(from + CHUNK, volunteerIds.size()));
			List<AttendanceSheet.Session> asked = chunk.stream().flatMap(v -> byVolunteer.get(v).stream()).toList();
			LocalDateTime start = asked.stream().map(AttendanceSheet.Session::start).min(Comparator.naturalOrder())
				.orElseThrow();
			LocalDateTime end = asked.stream().map(AttendanceSheet.Session::end).max(Comparator.naturalOrder())
				.orElseThrow();
			List<HoursService.Record> found = jdbc.sql(SELECT + """
					WHERE h.volunteer_id IN (:v) AND h.reverses_id IS NULL
					  AND h.started_at < :end AND h.ended_at > :start
					  AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id)
					ORDER BY h.volunteer_id, h.started_at, h.id
					""")
				.param("v", chunk)
				.param("start", Timestamp.valueOf(start))
				.param("end", Timestamp.valueOf(end))
				.query(HoursService.Record.class)
				.list();
			// earliest first: each session keeps the first stored record it overlaps
			for (HoursService.Record r : found) {
				for (AttendanceSheet.Session s : byVolunteer.get(r.volunteerId())) {
					if (r.start().isBefore(s.end()) && r.end().isAfter(s.start())) {
						clashes.putIfAbsent(s.index(), r);
					}
				}
			}
		}
		return clashes;
	}

	/** A volunteer's records in scope whose service started from {@code from} to {@code to}, with their total. */
	HoursService.Statement ofVolunteer(RegionScope scope, long volunteerId, LocalDate from, LocalDate to) {
		volunteers.find(scope, volunteerId)
			.orElseThrow(() -> BusinessException.notFound("volunteering.input.unknown-volunteer", volunteerId));
		List<HoursService.Record> records = jdbc.sql(SELECT + """
				WHERE h.volunteer_id = :v AND h.region_code >= :rfrom AND h.region_code < :rto
				  AND h.started_at >= :from AND h.started_at < :to
				ORDER BY h.started_at, h.id
				""")
			.param("v", volunteerId)
			.param("rfrom", scope.from())
			.param("rto", scope.to())
			.param("from", Timestamp.valueOf(from.atStartOfDay()))
			.param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query(HoursService.Record.class)
			.list();
		long total = records.stream()
			.filter(r -> r.status() == HoursService.Status.CONFIRMED)
			.mapToLong(HoursService.Record::minutes)
			.sum();
		return new HoursService.Statement(total, records);
	}

	/** The records of a project in scope, newest first. */
	List<HoursService.Record> ofProject(RegionScope scope, long projectId) {
		projects.project(scope, projectId);
		return jdbc.sql(SELECT + " WHERE h.project_id = :p ORDER BY h.started_at DESC, h.id DESC LIMIT 1000")
			.param("p", projectId)
			.query(HoursService.Record.class)
			.list();
	}

}
