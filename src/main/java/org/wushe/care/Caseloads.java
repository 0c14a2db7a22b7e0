package org.wushe.care;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionScope;

/**
 * 个案工作量: the open cases of one view (mine, my station, below me) and their overdue tasks. A task is overdue when
 * a case has no assessment {@code assessmentDays} after intake, no approved plan {@code planDays} after intake, or
 * no service {@code serviceDays} after the plan was approved or the last service (properties
 * {@code wushe.care.overdue.*}, defaults 7, 14 and 30 days).
 */
@Service
public class Caseloads {

	/** 我的 = cases I took in or accepted on referral; 本站 = cases of my region and referred to it; 下级 = below. */
	public enum View {
		MINE, STATION, BELOW
	}

	/** The overdue tasks: 预估 assessment, 计划审批 plan approval, 服务 service. */
	public enum Task {
		ASSESSMENT, PLAN_APPROVAL, SERVICE;

		public String messageKey() {
			return "care.task." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** One overdue task: its case and person, since when the clock ran, the day it fell due, days past it. */
	public record Overdue(long caseId, long personId, String personName, String regionCode, String stage, Task task,
			LocalDate since, LocalDate dueOn, long daysOverdue) {
	}

	public record Caseload(String view, List<CareCase> cases, List<Overdue> overdue) {
	}

	private static final String SELECT = """
			SELECT c.id, c.person_id, p.name AS person_name, c.region_code, c.stage, c.reason, c.opened_on, c.assessment_score,
			       c.closure_reason, c.closed_on, c.last_service_on, c.intake_on, c.plan_approved_on, c.opened_by
			FROM care_case c JOIN care_person p ON p.id = c.person_id
			WHERE c.stage <> 'CLOSED' AND
			""";

	private static final String IN_SCOPE = "(c.region_code >= :from AND c.region_code < :to)";

	private static final String MINE = IN_SCOPE + """
			 AND (c.opened_by = :me OR EXISTS (SELECT 1 FROM care_referral r WHERE r.case_id = c.id
			      AND r.status = 'ACCEPTED' AND r.decided_by = :me))
			""";

	private static final String STATION = "(" + IN_SCOPE + " OR "
			+ Cases.REFERRED_TO_SCOPE.replace(":states", "'PENDING', 'ACCEPTED'") + ")";

	private static final String BELOW = IN_SCOPE + " AND c.region_code <> :own";

	private static final String OVERDUE = """
			 AND ((c.stage = 'INTAKE' AND c.intake_on < :assess)
			   OR (c.stage IN ('INTAKE', 'ASSESSMENT', 'PLAN_PENDING') AND c.intake_on < :plan)
			   OR (c.stage = 'SERVICE' AND COALESCE(c.last_service_on, c.plan_approved_on, c.intake_on) < :service))
			""";

	private final JdbcClient jdbc;

	private final PersonService persons;

	private final int assessmentDays;

	private final int planDays;

	private final int serviceDays;

	Caseloads(JdbcClient jdbc, PersonService persons,
			@Value("${wushe.care.overdue.assessment-days:7}") int assessmentDays,
			@Value("${wushe.care.overdue.plan-days:14}") int planDays,
			@Value("${wushe.care.overdue.service-days:30}") int serviceDays) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.assessmentDays = assessmentDays;
		this.planDays = planDays;
		this.serviceDays = serviceDays;
	}

	/** The view named by a request parameter; 400 naming {@code view} otherwise. */
	public static View view(String text) {
		FieldChecks c = new FieldChecks();
		View v = c.choice("view", text == null || text.isBlank() ? View.MINE.name() : text.strip(), View.class, true);
		c.throwIfAny();
		return v;
	}

	public Caseload of(CurrentUser user, RegionScope scope, View view, int size) {
		boolean notes = CaseService.mayReadNotes(user);
		List<CareCase> cases = rows(user, scope, view, false, size).stream()
			.map(r -> CaseService.view(r, notes, List.of(), List.of()))
			.toList();
		return new Caseload(view.name(), cases, overdue(user, scope, view, size));
	}

	public List<Overdue> overdue(CurrentUser user, RegionScope scope, View view, int size) {
		LocalDate today = persons.today();
		List<Overdue> tasks = new ArrayList<>();
		for (Cases.Row r : rows(user, scope, view, true, size)) {
			LocalDate intake = r.intakeOn();
			if (r.stage() == CaseStage.INTAKE && intake.plusDays(assessmentDays).isBefore(today)) {
				tasks.add(task(r, Task.ASSESSMENT, intake, intake.plusDays(assessmentDays), today));
			}
			if (r.stage().compareTo(CaseStage.PLAN_PENDING) <= 0 && intake.plusDays(planDays).isBefore(today)) {
				tasks.add(task(r, Task.PLAN_APPROVAL, intake, intake.plusDays(planDays), today));
			}
			if (r.stage() == CaseStage.SERVICE) {
				LocalDate since = r.lastServiceOn() != null ? r.lastServiceOn()
						: r.planApprovedOn() != null ? r.planApprovedOn() : intake;
				if (since.plusDays(serviceDays).isBefore(today)) {
					tasks.add(task(r, Task.SERVICE, since, since.plusDays(serviceDays), today));
				}
			}
		}
		tasks.sort((a, b) -> Long.compare(b.daysOverdue(), a.daysOverdue()));
		return tasks;
	}

	/**
	 * The overdue tasks of the open cases in {@code scope}, counted per code prefix of {@code length} characters
	 * (cases registered on a shorter code count under {@code ""}). Same rules and limits as {@link #overdue}: a case in
	 * intake past both limits counts two tasks.
	 */
	Map<String, Long> overdueByPrefix(RegionScope scope, int length) {
		record Tasks(String prefix, long tasks) {
		}
		LocalDate today = persons.today();
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT k AS prefix, SUM(t) AS tasks FROM (
				    SELECT CASE WHEN LENGTH(c.region_code) >= :len THEN SUBSTRING(c.region_code, 1, :len) ELSE '' END AS k,
				           CASE WHEN c.stage = 'INTAKE' AND c.intake_on < :assess THEN 1 ELSE 0 END
				         + CASE WHEN c.stage IN ('INTAKE', 'ASSESSMENT', 'PLAN_PENDING') AND c.intake_on < :plan
				                THEN 1 ELSE 0 END
				         + CASE WHEN c.stage = 'SERVICE'
				                 AND COALESCE(c.last_service_on, c.plan_approved_on, c.intake_on) < :service
				                THEN 1 ELSE 0 END AS t
				    FROM care_case c
				    WHERE c.stage <> 'CLOSED' AND c.region_code >= :from AND c.region_code < :to
				""" + OVERDUE + """
				) o GROUP BY k
				""")
			.param("len", length)
			.param("from", scope.from())
			.param("to", scope.to())
			.param("assess", today.minusDays(assessmentDays))
			.param("plan", today.minusDays(planDays))
			.param("service", today.minusDays(serviceDays))
			.query(Tasks.class)
			.list()
			.forEach(t -> counts.put(t.prefix(), t.tasks()));
		return counts;
	}

	private static Overdue task(Cases.Row r, Task task, LocalDate since, LocalDate due, LocalDate today) {
		return new Overdue(r.id(), r.personId(), r.personName(), r.regionCode(), r.stage().name(), task, since, due,
				ChronoUnit.DAYS.between(due, today));
	}

	private List<Cases.Row> rows(CurrentUser user, RegionScope scope, View view, boolean overdue, int size) {
		LocalDate today = persons.today();
		String where = switch (view) {
			case MINE -> MINE;
			case STATION -> STATION;
			case BELOW -> BELOW;
		};
		return jdbc.sql(SELECT + where + (overdue ? OVERDUE : "") + " ORDER BY c.intake_on, c.id FETCH FIRST :size ROWS ONLY")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("me", user.getUsername())
			.param("own", user.region().value())
			.param("assess", today.minusDays(assessmentDays))
			.param("plan", today.minusDays(planDays))
			.param("service", today.minusDays(serviceDays))
			.param("size", Math.min(Math.max(1, size), 500))
			.query(Cases.Row.class)
			.list();
	}

}
