package org.wushe.volunteering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * 招募与报名: a project recruits (open or closed, until a date, with its requirements, for its places); volunteers
 * sign up, or the organizer adds them; the organizer accepts or declines each sign-up. No more are accepted than the
 * project has places: acceptances of one project queue on the project's row.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Recruitment {

	static final String ENTITY = "project-signup";

	/** Where a sign-up stands. */
	public enum Status {
		PENDING, ACCEPTED, DECLINED
	}

	/** A project's recruiting as read back; {@code accepted} counts the accepted sign-ups. */
	public record Recruiting(long projectId, boolean open, LocalDate until, String requirements, int places,
			long accepted, long pending) {
	}

	/** What an organizer sends to open, close or change recruiting. */
	public record RecruitingInput(Boolean open, String until, String requirements) {
	}

	/** A sign-up as read back. */
	public record Signup(long id, long projectId, long volunteerId, String volunteerName, Status status, String note,
			Instant signedUpAt, String reason) {
	}

	/** What a caller sends to sign a volunteer up. */
	public record SignupInput(Long volunteerId, String note) {
	}

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final VolunteerDirectory volunteers;

	private final AuditTrail audit;

	private final Clerk clerk;

	public Recruiting recruiting(RegionScope scope, long projectId) {
		ProjectService.Project p = projects.project(scope, projectId);
		return jdbc.sql("""
				SELECT p.recruit_until, p.requirements,
				    (SELECT COUNT(*) FROM project_signup s WHERE s.project_id = p.id AND s.status = 'ACCEPTED'),
				    (SELECT COUNT(*) FROM project_signup s WHERE s.project_id = p.id AND s.status = 'PENDING')
				FROM service_project p WHERE p.id = :id
				""")
			.param("id", projectId)
			.query((rs, n) -> new Recruiting(projectId, p.recruiting(), rs.getObject(1, LocalDate.class),
					rs.getString(2), p.places(), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/** Opens or closes recruiting, with the last day of sign-ups and the requirements. */
	@Transactional
	public Recruiting setRecruiting(RegionScope scope, long projectId, RecruitingInput in) {
		ProjectService.Project p = projects.project(scope, projectId);
		FieldChecks c = new FieldChecks();
		if (in.open() == null) {
			c.add("open", "actor.input.required");
		}
		LocalDate until = c.date("until", in.until(), null, false);
		if (until != null && until.isAfter(p.endDate())) {
			c.add("until", "volunteering.recruit.until-after-end", p.endDate());
		}
		String requirements = c.optional("requirements", in.requirements(), 500);
		c.throwIfAny();
		jdbc.sql("""
				UPDATE service_project SET recruiting = :open, recruit_until = :until, requirements = :req WHERE id = :id
				""")
			.param("open", in.open())
			.param("until", until, java.sql.Types.DATE)
			.param("req", requirements, java.sql.Types.VARCHAR)
			.param("id", projectId)
			.update();
		audit.record(in.open() ? "service-project.open" : "service-project.close", ProjectService.PROJECT, projectId,
				RegionCode.parse(p.regionCode()));
		return recruiting(scope, projectId);
	}

	/** Signs a volunteer in scope up for a recruiting project; once per volunteer. */
	@Transactional
	public Signup signUp(RegionScope scope, long projectId, SignupInput in) {
		ProjectService.Project p = projects.project(scope, projectId);
		FieldChecks c = new FieldChecks();
		VolunteerChecks.active(c, volunteers, scope, "volunteerId", in.volunteerId());
		String note = c.optional("note", in.note(), 200);
		c.throwIfAny();
		Recruiting r = recruiting(scope, projectId);
		if (!r.open()) {
			throw BusinessException.conflict("volunteering.signup.not-recruiting");
		}
		if ((r.until() != null && clerk.today().isAfter(r.until())) || clerk.today().isAfter(p.endDate())) {
			throw BusinessException.conflict("volunteering.signup.closed-on", r.until() != null ? r.until() : p.endDate());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO project_signup (project_id, volunteer_id, region_code, status, note, signed_up_at,
					    signed_up_by)
					VALUES (:p, :v, :region, 'PENDING', :note, :at, :by)
					""")
				.param("p", projectId)
				.param("v", in.volunteerId())
				.param("region", p.regionCode())
				.param("note", note, java.sql.Types.VARCHAR)
				.param("at", clerk.now())
				.param("by", clerk.name())
				.update(keys, "id");
		}
		catch (DuplicateKeyException twice) {
			throw BusinessException.conflict("volunteering.signup.already");
		}
		long id = keys.getKey().longValue();
		audit.record("project-signup.create", ENTITY, id, RegionCode.parse(p.regionCode()));
		return signup(scope, projectId, id);
	}

	/** Accepts a pending or declined sign-up while the project has places left. */
	@Transactional
	public Signup accept(RegionScope scope, long projectId, long signupId) {
		ProjectService.Project p = projects.project(scope, projectId);
		// acceptances of one project one after the other
		jdbc.sql("SELECT id FROM service_project WHERE id = :id FOR UPDATE").param("id", projectId).query(Long.class)
			.single();
		Signup s = signup(scope, projectId, signupId);
		if (s.status() == Status.ACCEPTED) {
			throw BusinessException.conflict("volunteering.signup.already-accepted");
		}
		long accepted = jdbc.sql("SELECT COUNT(*) FROM project_signup WHERE project_id = :p AND status = 'ACCEPTED'")
			.param("p", projectId)
			.query(Long.class)
			.single();
		if (accepted >= p.places()) {
			throw BusinessException.conflict("volunteering.signup.full", p.places());
		}
		decide(s, Status.ACCEPTED, null);
		audit.record("project-signup.accept", ENTITY, signupId, RegionCode.parse(p.regionCode()));
		return signup(scope, projectId, signupId);
	}

	/** Declines a sign-up, with a reason; an accepted one gives its place back. */
	@Transactional
	public Signup decline(RegionScope scope, long projectId, long signupId, String reason) {
		ProjectService.Project p = projects.project(scope, projectId);
		Signup s = signup(scope, projectId, signupId);
		FieldChecks c = new FieldChecks();
		String why = c.required("reason", reason, 200);
		c.throwIfAny();
		if (s.status() == Status.DECLINED) {
			throw BusinessException.conflict("volunteering.signup.already-declined");
		}
		decide(s, Status.DECLINED, why);
		audit.record("project-signup.decline", ENTITY, signupId, RegionCode.parse(p.regionCode()));
		return signup(scope, projectId, signupId);
	}

	private void decide(Signup s, Status to, String reason) {
		int n = jdbc.sql("""
				UPDATE project_signup SET status = :to, reason = :reason, decided_at = :at, decided_by = :by
				WHERE id = :id AND status = :from
				""")
			.param("to", to.name())
			.param("reason", reason, java.sql.Types.VARCHAR)
			.param("at", clerk.now())
			.param("by", clerk.name())
			.param("id", s.id())
			.param("from", s.status().name())
			.update();
		if (n == 0) {
			throw BusinessException.conflict("volunteering.signup.changed");
		}
	}

	/** The project's sign-ups, oldest first. */
	public List<Signup> signups(RegionScope scope, long projectId) {
		projects.project(scope, projectId);
		return jdbc.sql(SELECT + " WHERE project_id = :p ORDER BY id LIMIT 2000")
			.param("p", projectId)
			.query((rs, n) -> signup(scope, rs))
			.list();
	}

	public Signup signup(RegionScope scope, long projectId, long id) {
		projects.project(scope, projectId);
		Optional<Signup> s = jdbc.sql(SELECT + " WHERE id = :id AND project_id = :p")
			.param("id", id)
			.param("p", projectId)
			.query((rs, n) -> signup(scope, rs))
			.optional();
		return s.orElseThrow(() -> BusinessException.notFound("volunteering.signup.unknown", id));
	}

	private static final String SELECT = """
			SELECT id, project_id, volunteer_id, status, note, signed_up_at, reason FROM project_signup""";

	private Signup signup(RegionScope scope, java.sql.ResultSet rs) throws java.sql.SQLException {
		long v = rs.getLong(3);
		return new Signup(rs.getLong(1), rs.getLong(2), v,
				volunteers.find(scope, v).map(VolunteerDirectory.Entry::name).orElse(null),
				Status.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
	}

}
