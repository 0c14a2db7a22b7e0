package org.wushe.volunteering;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.Texts;

/**
 * Checks an attendance sheet before anything is stored: each entry names an active volunteer in scope, whole-minute
 * start and end within the project's dates and not in the future, a positive session of at most a day, and content;
 * and no two entries of the sheet overlap for the same volunteer. Overlaps with stored records are checked later,
 * under the volunteers' locks.
 */
@Component
@RequiredArgsConstructor
public class AttendanceSheet {

	/** The longest session one record may hold. */
	static final int MAX_MINUTES = 24 * 60;

	/** A checked entry, ready to store. */
	record Session(int index, long volunteerId, LocalDateTime start, LocalDateTime end, int minutes, String content) {
	}

	/** The entries that passed and those refused. */
	record Checked(List<Session> sessions, List<HoursService.Rejected> rejected) {
	}

	private final VolunteerDirectory volunteers;

	private final Texts texts;

	private final Clerk clerk;

	Checked check(RegionScope scope, ProjectService.Project project, List<HoursService.Entry> entries) {
		List<HoursService.Rejected> rejected = new ArrayList<>();
		List<Session> sessions = new ArrayList<>();
		// the sheet's volunteers looked up together, not one statement per entry
		Map<Long, VolunteerDirectory.Entry> known = volunteers.findAll(scope, entries.stream()
			.filter(e -> e != null && e.volunteerId() != null)
			.map(HoursService.Entry::volunteerId)
			.toList());
		for (int i = 0; i < entries.size(); i++) {
			Session s = check(project, i, entries.get(i), rejected, id -> Optional.ofNullable(known.get(id)));
			if (s != null) {
				sessions.add(s);
			}
		}
		// overlaps within the sheet itself
		List<Session> clear = new ArrayList<>();
		Map<Long, List<Session>> clearOf = new HashMap<>();
		for (Session s : sessions) {
			List<Session> same = clearOf.computeIfAbsent(s.volunteerId(), v -> new ArrayList<>());
			Optional<Session> clash = same.stream()
				.filter(o -> o.start().isBefore(s.end()) && s.start().isBefore(o.end()))
				.findFirst();
			if (clash.isPresent()) {
				rejected.add(new HoursService.Rejected(s.index(), "start",
						texts.get("volunteering.hours.overlap-entry", clash.get().index())));
			}
			else {
				clear.add(s);
				same.add(s);
			}
		}
		return new Checked(clear, rejected);
	}

	/**
	 * Checks one entry of {@code volunteer}, already found in the caller's scope; answers it as a session, or
	 * {@code null} after adding its problems to {@code rejected}.
	 */
	Session check(ProjectService.Project project, int index, HoursService.Entry e, VolunteerDirectory.Entry volunteer,
			List<HoursService.Rejected> rejected) {
		return check(project, index, e, rejected, id -> Optional.of(volunteer).filter(v -> v.id() == id));
	}

	/** As above, with the volunteers in the caller's scope found by {@code lookup}. */
	private Session check(ProjectService.Project project, int index, HoursService.Entry e,
			List<HoursService.Rejected> rejected, Function<Long, Optional<VolunteerDirectory.Entry>> lookup) {
		int before = rejected.size();
		if (e == null) {
			rejected.add(new HoursService.Rejected(index, "volunteerId", texts.get("actor.input.required")));
			return null;
		}
		if (e.volunteerId() == null) {
			rejected.add(new HoursService.Rejected(index, "volunteerId", texts.get("actor.input.required")));
		}
		else if (lookup.apply(e.volunteerId()).filter(VolunteerDirectory.Entry::active).isEmpty()) {
			rejected.add(new HoursService.Rejected(index, "volunteerId",
					texts.get("volunteering.input.unknown-volunteer", e.volunteerId())));
		}
		LocalDateTime start = time(index, "start", e.start(), rejected);
		LocalDateTime end = time(index, "end", e.end(), rejected);
		List<FieldError> problems = new ArrayList<>();
		String content = VolunteerChecks.TEXT.read(e.content(), "content", 500, true, problems);
		problems.forEach(p -> rejected
			.add(new HoursService.Rejected(index, p.field(), texts.get(p.messageKey(), p.args()))));
		int minutes = 0;
		if (start != null && end != null) {
			long m = Duration.between(start, end).toMinutes();
			if (m <= 0) {
				rejected.add(new HoursService.Rejected(index, "end", texts.get("volunteering.hours.not-positive")));
			}
			else if (m > MAX_MINUTES) {
				rejected.add(new HoursService.Rejected(index, "end",
						texts.get("volunteering.hours.too-long", MAX_MINUTES / 60)));
			}
			else {
				minutes = (int) m;
			}
			if (start.toLocalDate().isBefore(project.startDate()) || start.toLocalDate().isAfter(project.endDate())) {
				rejected.add(new HoursService.Rejected(index, "start",
						texts.get("volunteering.hours.outside-project", project.startDate(), project.endDate())));
			}
			if (end.isAfter(LocalDateTime.now(clerk.clock()).plusMinutes(5))) {
				rejected.add(new HoursService.Rejected(index, "end", texts.get("volunteering.hours.future")));
			}
		}
		if (rejected.size() > before) {
			return null;
		}
		return new Session(index, e.volunteerId(), start, end, minutes, content);
	}

	private LocalDateTime time(int index, String field, String text, List<HoursService.Rejected> rejected) {
		if (text == null || text.isBlank()) {
			rejected.add(new HoursService.Rejected(index, field, texts.get("actor.input.required")));
			return null;
		}
		try {
			LocalDateTime t = LocalDateTime.parse(text.strip());
			if (t.getSecond() != 0 || t.getNano() != 0) {
				rejected.add(new HoursService.Rejected(index, field, texts.get("volunteering.hours.whole-minutes")));
				return null;
			}
			return t;
		}
		catch (DateTimeParseException ex) {
			rejected.add(new HoursService.Rejected(index, field,
					texts.get("volunteering.hours.time-format", text.strip())));
			return null;
		}
	}

}
