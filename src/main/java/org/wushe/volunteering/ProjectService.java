package org.wushe.volunteering;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.activity.ServiceDomain;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.OrganizationDirectory;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.site.SiteService;

/**
 * Volunteer teams and service projects: created within the caller's scope, owned or organized by a site, an
 * organization or a team that the caller can see. Every read outside the scope answers 404.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProjectService {

	static final String TEAM = "volunteer-team";

	static final String PROJECT = "service-project";

	/** A team as read back. */
	public record Team(long id, String name, String regionCode, Long ownerSiteId, Long ownerOrganizationId) {
	}

	/** A member's stay in a team. */
	public record Member(long id, long teamId, long volunteerId, String volunteerName, LocalDate joinedOn,
			LocalDate leftOn) {
	}

	/** A project as read back. */
	public record Project(long id, String name, String regionCode, OrganizerKind organizerKind, long organizerId,
			String organizerName, LocalDate startDate, LocalDate endDate, String place, ServiceDomain domain,
			int places, boolean recruiting, boolean timeBank) {
	}

	/** What a caller sends to create a team. */
	public record TeamInput(String name, String regionCode, Long ownerSiteId, Long ownerOrganizationId) {
	}

	/** What a caller sends to create a project. */
	public record ProjectInput(String name, String regionCode, String organizerKind, Long organizerId,
			String startDate, String endDate, String place, String domain, Integer places, Boolean timeBank,
			Boolean recruiting) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final SiteService sites;

	private final OrganizationDirectory organizations;

	private final VolunteerDirectory volunteers;

	private final AuditTrail audit;

	private final VolunteeringTally tally;

	private final Clerk clerk;

	@Transactional
	public Team createTeam(TeamInput in, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", in.name(), 100);
		RegionCode region = region(c, in.regionCode(), scope);
		owner(c, in, scope);
		c.throwIfAny();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_team (name, region_code, owner_site_id, owner_organization_id, created_at, created_by)
				VALUES (:name, :region, :site, :org, :at, :by)
				""")
			.param("name", name)
			.param("region", region.value())
			.param("site", in.ownerSiteId(), java.sql.Types.BIGINT)
			.param("org", in.ownerOrganizationId(), java.sql.Types.BIGINT)
			.param("at", clerk.now())
			.param("by", clerk.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("volunteer-team.create", TEAM, id, region);
		return team(scope, id);
	}

	/** Renames a team or changes its owner; its region stays as created. */
	@Transactional
	public Team updateTeam(RegionScope scope, long id, TeamInput in) {
		Team existing = team(scope, id);
		FieldChecks c = new FieldChecks();
		String name = c.required("name", in.name(), 100);
		owner(c, in, scope);
		c.throwIfAny();
		jdbc.sql("""
				UPDATE volunteer_team SET name = :name, owner_site_id = :site, owner_organization_id = :org WHERE id = :id
				""")
			.param("name", name)
			.param("site", in.ownerSiteId(), java.sql.Types.BIGINT)
			.param("org", in.ownerOrganizationId(), java.sql.Types.BIGINT)
			.param("id", id)
			.update();
		audit.record("volunteer-team.update", TEAM, id, RegionCode.parse(existing.regionCode()));
		return team(scope, id);
	}

	private void owner(FieldChecks c, TeamInput in, RegionScope scope) {
		if (in.ownerSiteId() != null && sites.find(in.ownerSiteId(), scope).isEmpty()) {
			c.add("ownerSiteId", "volunteering.input.unknown-site", in.ownerSiteId());
		}
		if (in.ownerOrganizationId() != null && organizations.find(scope, in.ownerOrganizationId()).isEmpty()) {
			c.add("ownerOrganizationId", "volunteering.input.unknown-organization", in.ownerOrganizationId());
		}
		if (in.ownerSiteId() != null && in.ownerOrganizationId() != null) {
			c.add("ownerOrganizationId", "volunteering.input.one-owner");
		}
	}

	public Optional<Team> findTeam(RegionScope scope, long id) {
		return jdbc.sql("""
				SELECT id, name, region_code, owner_site_id, owner_organization_id FROM volunteer_team
				WHERE id = :id AND region_code >= :from AND region_code < :to
				""")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Team.class)
			.optional();
	}

	public Team team(RegionScope scope, long id) {
		return findTeam(scope, id).orElseThrow(() -> BusinessException.notFound("volunteering.team.unknown", id));
	}

	public List<Team> teams(RegionScope scope) {
		return jdbc.sql("""
				SELECT id, name, region_code, owner_site_id, owner_organization_id FROM volunteer_team
				WHERE region_code >= :from AND region_code < :to ORDER BY id DESC LIMIT 500
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Team.class)
			.list();
	}

	/** A volunteer joins a team on {@code joinedOn}. */
	@Transactional
	public Member join(RegionScope scope, long teamId, Long volunteerId, String joinedOn) {
		Team team = team(scope, teamId);
		FieldChecks c = new FieldChecks();
		if (volunteerId == null) {
			c.add("volunteerId", "actor.input.required");
		}
		else if (volunteers.find(scope, volunteerId).isEmpty()) {
			c.add("volunteerId", "volunteering.input.unknown-volunteer", volunteerId);
		}
		LocalDate joined = c.date("joinedOn", joinedOn, null, false);
		c.throwIfAny();
		LocalDate on = joined == null ? clerk.today() : joined;
		boolean member = jdbc.sql("""
				SELECT COUNT(*) FROM volunteer_team_member WHERE team_id = :team AND volunteer_id = :v AND left_on IS NULL
				""").param("team", teamId).param("v", volunteerId).query(Long.class).single() > 0;
		if (member) {
			throw BusinessException.conflict("volunteering.team.already-member");
		}
		jdbc.sql("INSERT INTO volunteer_team_member (team_id, volunteer_id, joined_on) VALUES (:team, :v, :on)")
			.param("team", teamId)
			.param("v", volunteerId)
			.param("on", on)
			.update();
		audit.record("volunteer-team.join", TEAM, teamId, RegionCode.parse(team.regionCode()));
		return members(scope, teamId).stream()
			.filter(m -> m.volunteerId() == volunteerId && m.leftOn() == null)
			.findFirst()
			.orElseThrow();
	}

	/** A volunteer leaves a team on {@code leftOn}. */
	@Transactional
	public Member leave(RegionScope scope, long teamId, long volunteerId, String leftOn) {
		Team team = team(scope, teamId);
		FieldChecks c = new FieldChecks();
		LocalDate left = c.date("leftOn", leftOn, null, false);
		c.throwIfAny();
		LocalDate on = left == null ? clerk.today() : left;
		Member m = members(scope, teamId).stream()
			.filter(x -> x.volunteerId() == volunteerId && x.leftOn() == null)
			.findFirst()
			.orElseThrow(() -> BusinessException.notFound("volunteering.team.not-member", volunteerId));
		if (on.isBefore(m.joinedOn())) {
			throw org.wushe.shared.InvalidInputException.of("leftOn", "volunteering.input.left-before-joined");
		}
		jdbc.sql("UPDATE volunteer_team_member SET left_on = :on WHERE id = :id AND left_on IS NULL")
			.param("on", on)
			.param("id", m.id())
			.update();
		audit.record("volunteer-team.leave", TEAM, teamId, RegionCode.parse(team.regionCode()));
		return new Member(m.id(), teamId, volunteerId, m.volunteerName(), m.joinedOn(), on);
	}

	public List<Member> members(RegionScope scope, long teamId) {
		team(scope, teamId);
		List<MemberRow> rows = jdbc.sql("""
				SELECT id, team_id, volunteer_id, joined_on, left_on FROM volunteer_team_member
				WHERE team_id = :team ORDER BY joined_on, id
				""")
			.param("team", teamId)
			.query(MemberRow.class)
			.list();
		// the members' names looked up together, not one statement per member
		Map<Long, VolunteerDirectory.Entry> found = volunteers.findAll(scope,
				rows.stream().map(MemberRow::volunteerId).distinct().toList());
		return rows.stream()
			.map(r -> new Member(r.id(), r.teamId(), r.volunteerId(),
					Optional.ofNullable(found.get(r.volunteerId())).map(VolunteerDirectory.Entry::name).orElse(null),
					r.joinedOn(), r.leftOn()))
			.toList();
	}

	/** A membership as stored. */
	private record MemberRow(long id, long teamId, long volunteerId, LocalDate joinedOn, LocalDate leftOn) {
	}

	/** A project's fields as checked, before they are stored. */
	private record CheckedProject(String name, RegionCode region, OrganizerKind kind, Long organizerId,
			LocalDate start, LocalDate end, String place, ServiceDomain domain, int places) {
	}

	private CheckedProject check(ProjectInput in, RegionScope scope, Project existing) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", in.name(), 100);
		RegionCode region = null;
		OrganizerKind kind = null;
		if (existing == null) {
			region = region(c, in.regionCode(), scope);
			kind = c.choice("organizerKind", in.organizerKind(), OrganizerKind.class, true);
			if (in.organizerId() == null) {
				c.add("organizerId", "actor.input.required");
			}
			else if (kind != null && organizerName(scope, kind, in.organizerId()) == null) {
				c.add("organizerId", "volunteering.input.unknown-organizer", in.organizerId());
			}
		}
		LocalDate start = c.date("startDate", in.startDate(), null, true);
		LocalDate end = c.date("endDate", in.endDate(), null, true);
		if (start != null && end != null && end.isBefore(start)) {
			c.add("endDate", "volunteering.input.end-before-start");
		}
		if (existing != null && start != null && end != null) {
			// recorded hours stay within the project's dates
			jdbc.sql("""
					SELECT MIN(started_at), MAX(started_at) FROM service_hours WHERE project_id = :p
					""").param("p", existing.id()).query((rs, n) -> {
				java.sql.Timestamp first = rs.getTimestamp(1);
				if (first != null && first.toLocalDateTime().toLocalDate().isBefore(start)) {
					c.add("startDate", "volunteering.project.hours-before", first.toLocalDateTime().toLocalDate());
				}
				java.sql.Timestamp last = rs.getTimestamp(2);
				if (last != null && last.toLocalDateTime().toLocalDate().isAfter(end)) {
					c.add("endDate", "volunteering.project.hours-after", last.toLocalDateTime().toLocalDate());
				}
				return null;
			}).list();
		}
		String place = c.required("place", in.place(), 200);
		ServiceDomain domain = c.choice("domain", in.domain(), ServiceDomain.class, true);
		if (in.places() == null || in.places() < 1 || in.places() > 100_000) {
			c.add("places", "volunteering.input.places");
		}
		c.throwIfAny();
		return new CheckedProject(name, region, kind, in.organizerId(), start, end, place, domain, in.places());
	}

	@Transactional
	public Project createProject(ProjectInput in, RegionScope scope) {
		CheckedProject p = check(in, scope, null);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO service_project (name, region_code, organizer_kind, organizer_id, start_date, end_date, place,
				    service_domain, places, recruiting, time_bank, created_at, created_by)
				VALUES (:name, :region, :kind, :organizer, :start, :end, :place, :domain, :places, :recruiting, :bank,
				    :at, :by)
				""")
			.param("name", p.name())
			.param("region", p.region().value())
			.param("kind", p.kind().name())
			.param("organizer", p.organizerId())
			.param("start", p.start())
			.param("end", p.end())
			.param("place", p.place())
			.param("domain", p.domain().name())
			.param("places", p.places())
			.param("recruiting", in.recruiting() == null || in.recruiting())
			.param("bank", Boolean.TRUE.equals(in.timeBank()))
			.param("at", clerk.now())
			.param("by", clerk.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		tally.add(VolunteeringTally.Figure.PROJECTS, p.region().value(), 1);
		audit.record("service-project.create", PROJECT, id, p.region());
		return project(scope, id);
	}

	/**
	 * Edits a project: its name, dates, place, domain, places and recruiting. Its region, organizer and time-bank flag
	 * stay as created (the organizer records and certifies the hours; deposits follow the flag), and the dates must
	 * still hold every recorded session.
	 */
	@Transactional
	public Project updateProject(RegionScope scope, long id, ProjectInput in) {
		Project existing = project(scope, id);
		jdbc.sql("SELECT id FROM service_project WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		CheckedProject p = check(in, scope, existing);
		jdbc.sql("""
				UPDATE service_project SET name = :name, start_date = :start, end_date = :end, place = :place,
				    service_domain = :domain, places = :places, recruiting = :recruiting
				WHERE id = :id
				""")
			.param("name", p.name())
			.param("start", p.start())
			.param("end", p.end())
			.param("place", p.place())
			.param("domain", p.domain().name())
			.param("places", p.places())
			.param("recruiting", in.recruiting() == null ? existing.recruiting() : in.recruiting())
			.param("id", id)
			.update();
		audit.record("service-project.update", PROJECT, id, RegionCode.parse(existing.regionCode()));
		return project(scope, id);
	}

	public Optional<Project> findProject(RegionScope scope, long id) {
		return projects(scope, id, 1).stream().findFirst();
	}

	/**
	 * The time-bank project in scope a service in {@code regionCode} counts under when the caller names none: the only
	 * one whose region is that region or one above it; empty when there is none or more than one.
	 */
	public Optional<Project> soleTimeBankProject(RegionScope scope, String regionCode) {
		List<String> path = RegionCode.parse(regionCode).path().stream().map(RegionCode::value).toList();
		List<Long> ids = jdbc.sql("""
				SELECT id FROM service_project
				WHERE time_bank = TRUE AND region_code IN (:path) AND region_code >= :from AND region_code < :to
				ORDER BY id LIMIT 2
				""")
			.param("path", path)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Long.class)
			.list();
		return ids.size() == 1 ? findProject(scope, ids.get(0)) : Optional.empty();
	}

	public Project project(RegionScope scope, long id) {
		return findProject(scope, id).orElseThrow(() -> BusinessException.notFound("volunteering.project.unknown", id));
	}

	public List<Project> projects(RegionScope scope) {
		return projects(scope, null, 500);
	}

	private List<Project> projects(RegionScope scope, Long id, int limit) {
		return jdbc.sql("""
				SELECT id, name, region_code, organizer_kind, organizer_id, start_date, end_date, place, service_domain,
				    places, recruiting, time_bank
				FROM service_project
				WHERE region_code >= :from AND region_code < :to AND (:id IS NULL OR id = :id)
				ORDER BY start_date DESC, id DESC LIMIT :limit
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("id", id, java.sql.Types.BIGINT)
			.param("limit", limit)
			.query((rs, n) -> {
				OrganizerKind kind = OrganizerKind.valueOf(rs.getString(4));
				return new Project(rs.getLong(1), rs.getString(2), rs.getString(3), kind, rs.getLong(5),
						organizerName(scope, kind, rs.getLong(5)), rs.getObject(6, LocalDate.class),
						rs.getObject(7, LocalDate.class), rs.getString(8), ServiceDomain.valueOf(rs.getString(9)),
						rs.getInt(10), rs.getBoolean(11), rs.getBoolean(12));
			})
			.list();
	}

	/** The organizer's name if the caller can see it, else {@code null}. */
	String organizerName(RegionScope scope, OrganizerKind kind, long id) {
		return switch (kind) {
			case SITE -> sites.find(id, scope).map(s -> s.name()).orElse(null);
			case ORGANIZATION -> organizations.find(scope, id).map(OrganizationDirectory.Entry::name).orElse(null);
			case TEAM -> findTeam(scope, id).map(Team::name).orElse(null);
		};
	}

	private RegionCode region(FieldChecks c, String text, RegionScope scope) {
		if (text == null || text.isBlank()) {
			c.add("regionCode", "actor.input.required");
			return null;
		}
		if (!RegionCode.isValid(text.strip())) {
			c.add("regionCode", "volunteering.input.unknown-region", text.strip());
			return null;
		}
		RegionCode code = RegionCode.parse(text.strip());
		Optional<Region> r = regions.find(code);
		if (r.isEmpty() || !scope.covers(code)) {
			c.add("regionCode", "volunteering.input.unknown-region", text.strip());
			return null;
		}
		return code;
	}

}
