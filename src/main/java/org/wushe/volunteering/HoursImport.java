package org.wushe.volunteering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.excel.CellParser;
import org.wushe.shared.excel.CellParsers;
import org.wushe.shared.excel.CellProblem;
import org.wushe.shared.excel.CellValue;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;
import org.wushe.shared.excel.Labels;

/**
 * Importing one project's attendance from Excel: a row per session (volunteer number, day, start and end time,
 * content), checked like the attendance sheet (an active volunteer in scope, whole minutes within the project's dates,
 * not in the future, at most a day) and against the volunteer's other sessions in the file and stored; problems are
 * reported by row and column. Stored under the volunteers' locks in the import's one transaction.
 */
@RequiredArgsConstructor
public final class HoursImport implements ImportPlan<AttendanceSheet.Session> {

	static final ExcelColumn<String> VOLUNTEER = ExcelColumn.text("volunteering.import.volunteer-number", 40)
		.required()
		.width(20)
		.example("volunteering.import.example.volunteer-number");

	static final ExcelColumn<LocalDate> DAY = ExcelColumn.date("volunteering.import.day")
		.required()
		.example("volunteering.import.example.day");

	static final ExcelColumn<LocalTime> START = ExcelColumn.of("volunteering.import.start", timeOfDay())
		.required()
		.example("volunteering.import.example.start");

	static final ExcelColumn<LocalTime> END = ExcelColumn.of("volunteering.import.end", timeOfDay())
		.required()
		.example("volunteering.import.example.end");

	static final ExcelColumn<String> CONTENT = ExcelColumn.text("volunteering.import.content", 500)
		.required()
		.width(30)
		.example("volunteering.import.example.content");

	public static final ExcelLayout LAYOUT = new ExcelLayout("volunteering.import.sheet",
			List.of(VOLUNTEER, DAY, START, END, CONTENT),
			List.of("volunteering.import.instruction.project", "volunteering.import.instruction.overlap"));

	/** Where each field of an attendance-sheet refusal is shown. */
	private static final Map<String, ExcelColumn<?>> COLUMN_OF = Map.of("volunteerId", VOLUNTEER, "start", START,
			"end", END, "content", CONTENT);

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?");

	private final HoursService hours;

	private final AttendanceSheet sheet;

	private final HoursRecords records;

	private final VolunteerDirectory volunteers;

	private final RegionScope scope;

	private final ProjectService.Project project;

	/** The file's volunteers by number, each looked up once however many rows name them. */
	private final Map<String, Optional<VolunteerDirectory.Entry>> byNumber = new HashMap<>();

	/** The sessions of the file accepted so far per volunteer, with their row numbers, for overlaps within the file. */
	private final Map<Long, List<AttendanceSheet.Session>> inFile = new HashMap<>();

	@Override
	public ExcelLayout layout() {
		return LAYOUT;
	}

	@Override
	public AttendanceSheet.Session convert(ImportRow row) {
		Optional<VolunteerDirectory.Entry> volunteer = byNumber.computeIfAbsent(row.get(VOLUNTEER),
				number -> volunteers.findByNumber(scope, number));
		if (volunteer.isEmpty()) {
			row.reject(VOLUNTEER, "volunteering.import.unknown-number", row.get(VOLUNTEER));
			return null;
		}
		LocalDateTime start = row.get(DAY).atTime(row.get(START));
		LocalDateTime end = row.get(DAY).atTime(row.get(END));
		List<HoursService.Rejected> rejected = new ArrayList<>();
		AttendanceSheet.Session s = sheet.check(project, row.number(),
				new HoursService.Entry(volunteer.get().id(), start.toString(), end.toString(), row.get(CONTENT)),
				volunteer.get(), rejected);
		for (HoursService.Rejected r : rejected) {
			row.reject(COLUMN_OF.getOrDefault(r.field(), START), "volunteering.import.as-checked", r.message());
		}
		if (s == null) {
			return null;
		}
		List<AttendanceSheet.Session> same = inFile.computeIfAbsent(s.volunteerId(), v -> new ArrayList<>());
		Optional<AttendanceSheet.Session> twin = same.stream()
			.filter(o -> o.start().isBefore(s.end()) && s.start().isBefore(o.end()))
			.findFirst();
		if (twin.isPresent()) {
			row.reject(START, "volunteering.import.overlap-row", twin.get().index());
			return null;
		}
		Optional<HoursService.Record> clash = records.overlapping(s.volunteerId(), s.start(), s.end());
		if (clash.isPresent()) {
			row.reject(START, "volunteering.import.as-checked", hours.overlapMessage(clash.get()));
			return null;
		}
		same.add(s);
		return s;
	}

	@Override
	public void store(List<AttendanceSheet.Session> batch) {
		List<HoursService.Rejected> clashes = new ArrayList<>();
		hours.store(project, batch, clashes, true);
		if (!clashes.isEmpty()) {
			// recorded by someone else since the row was checked: the whole import fails
			throw BusinessException.conflict("volunteering.import.raced", clashes.get(0).index(),
					clashes.get(0).message());
		}
	}

	/** A time of day: an Excel time (a fraction of a day) or text such as {@code 9:00} or {@code 09：30}. */
	static CellParser<LocalTime> timeOfDay() {
		return new CellParser<>() {
			@Override
			public LocalTime parse(CellValue cell, Labels labels) throws CellProblem {
				if (cell.isNumber()) {
					BigDecimal fraction = cell.number().remainder(BigDecimal.ONE);
					if (cell.number().signum() < 0) {
						throw new CellProblem("volunteering.import.not-time");
					}
					BigDecimal minutes = fraction.multiply(BigDecimal.valueOf(1440));
					BigDecimal whole = minutes.setScale(0, RoundingMode.HALF_UP);
					if (minutes.subtract(whole).abs().compareTo(new BigDecimal("0.01")) > 0) {
						throw new CellProblem("volunteering.hours.whole-minutes");
					}
					int m = whole.intValueExact() % 1440;
					return LocalTime.of(m / 60, m % 60);
				}
				Matcher t = TIME.matcher(CellParsers.halfWidth(cell.text()).strip());
				if (!t.matches()) {
					throw new CellProblem("volunteering.import.not-time");
				}
				int h = Integer.parseInt(t.group(1));
				int m = Integer.parseInt(t.group(2));
				if (h > 23 || m > 59) {
					throw new CellProblem("volunteering.import.not-time");
				}
				if (t.group(3) != null && Integer.parseInt(t.group(3)) != 0) {
					throw new CellProblem("volunteering.hours.whole-minutes");
				}
				return LocalTime.of(h, m);
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("volunteering.import.hint.time");
			}
		};
	}

}
