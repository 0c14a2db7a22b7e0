package org.wushe.volunteering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.care.Person;
import org.wushe.care.PersonService;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * 服务需求与匹配: a key elder's account requests a service (a skill, what, when, how long); volunteers nearby with the
 * skill are suggested (the elder's village first, then the township); the organizer matches one and names the
 * time-bank project the service counts under; when the service is confirmed the volunteer's hours are recorded and
 * confirmed, and the minutes are redeemed from the elder's account ({@link ElderService}), the nearest pool granting
 * first what the account lacks (通存通兑: any volunteer of the deployment may serve).
 */
@Service
public class ElderRequests {

	static final String ENTITY = "elder-request";

	/** The prefix of the care categories of elders (独居、空巢、留守、失能、高龄). */
	static final String ELDER_CATEGORY = "ELDER_";

	/** The longest service one request may ask for. */
	static final int MAX_MINUTES = 8 * 60;

	/** Where a request stands. */
	public enum Status {
		OPEN, ACCEPTED, DONE, CANCELLED
	}

	/** A request as read back. */
	public record Request(long id, long elderAccountId, String regionCode, String skill, String content,
			LocalDate wantedOn, int minutes, Status status, Long volunteerId, Long projectId, Long hoursId,
			Long transferId, Instant createdAt) {
	}

	/** What a caller sends to request a service. */
	public record RequestInput(Long elderAccountId, String skill, String content, String wantedOn, Integer minutes) {
	}

	/**
	 * What a caller may say of the service given: its start and end (ISO local date-times; by default it ended now
	 * and lasted the minutes asked for) and the reason for confirming the volunteer's hours on their behalf.
	 */
	public record ServiceInput(String start, String end, String reason) {

		static final ServiceInput NONE = new ServiceInput(null, null, null);

	}

	/** A suggested volunteer and how near they live: VILLAGE or TOWNSHIP. */
	public record Suggestion(long volunteerId, String name, String regionCode, String nearness) {
	}

	private final JdbcClient jdbc;

	private final TimeBank bank;

	private final ProjectService projects;

	private final ElderService service;

	private final PersonService persons;

	private final VolunteerDirectory volunteers;

	private final AuditTrail audit;

	private final Clerk clerk;

	ElderRequests(JdbcClient jdbc, TimeBank bank, ProjectService projects, ElderService service,
			PersonService persons, VolunteerDirectory volunteers, AuditTrail audit, Clerk clerk) {
		this.persons = persons;
		this.jdbc = jdbc;
		this.bank = bank;
		this.projects = projects;
		this.service = service;
		this.volunteers = volunteers;
		this.audit = audit;
		this.clerk = clerk;
	}

	@Transactional
	public Request create(RegionScope scope, RequestInput in) {
		FieldChecks c = new FieldChecks();
		TimeBank.Account elder = null;
		if (in.elderAccountId() == null) {
			c.add("elderAccountId", "actor.input.required");
		}
		else {
			elder = bank.find(scope, in.elderAccountId()).filter(a -> a.kind() == AccountKind.ELDER).orElse(null);
			if (elder == null) {
				c.add("elderAccountId", "volunteering.request.not-elder", in.elderAccountId());
			}
		}
		String skill = c.required("skill", in.skill(), 40);
		String content = c.required("content", in.content(), 500);
		LocalDate wanted = c.date("wantedOn", in.wantedOn(), null, true);
		if (wanted != null && wanted.isBefore(clerk.today())) {
			c.add("wantedOn", "volunteering.request.past");
		}
		if (in.minutes() == null || in.minutes() < 1 || in.minutes() > MAX_MINUTES) {
			c.add("minutes", "volunteering.request.minutes", MAX_MINUTES / 60);
		}
		c.throwIfAny();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO elder_request (elder_account_id, region_code, skill, content, wanted_on, minutes, status,
				    created_at, created_by)
				VALUES (:a, :region, :skill, :content, :on, :minutes, 'OPEN', :at, :by)
				""")
			.param("a", elder.id())
			.param("region", elder.regionCode())
			.param("skill", skill)
			.param("content", content)
			.param("on", wanted)
			.param("minutes", in.minutes())
			.param("at", clerk.now())
			.param("by", clerk.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("elder-request.create", ENTITY, id, RegionCode.parse(elder.regionCode()));
		return get(scope, id);
	}

	/**
	 * A request for a registered key elder (a person served in scope in one of the elder categories): the elder's
	 * service account is opened on first use, in the same transaction as the request, so a refused request leaves no
	 * account behind.
	 */
	@Transactional
	public Request createFor(RegionScope scope, Long personId, RequestInput in) {
		Person elder = personId == null ? null : keyElder(scope, personId);
		if (elder == null) {
			throw InvalidInputException.of("personId", "volunteering.request.not-key-elder", personId);
		}
		long account = bank.accounts(scope, null, elder.id(), null, AccountKind.ELDER.name()).stream()
			.findFirst()
			.map(TimeBank.Account::id)
			.orElseGet(() -> bank.open(scope, new TimeBank.OpenInput(AccountKind.ELDER.name(), elder.regionCode(),
					null, null, elder.id())).id());
		return create(scope, new RequestInput(account, in.skill(), in.content(), in.wantedOn(), in.minutes()));
	}

	/** The person served in scope with that id if they are a key elder, else {@code null}. */
	private Person keyElder(RegionScope scope, long personId) {
		try {
			Person p = persons.get(scope, personId);
			return p.categories().stream().anyMatch(c -> c.startsWith(ELDER_CATEGORY)) ? p : null;
		}
		catch (BusinessException unknown) {
			return null;
		}
	}

	/** The name of the key elder holding account {@code a}, or {@code null} when not in scope. */
	public String elderName(RegionScope scope, TimeBank.Account a) {
		return a.personId() == null ? null : Optional.ofNullable(keyElder(scope, a.personId())).map(Person::name)
			.orElse(null);
	}

	/** The key elders registered in scope (people served in an elder category), at most 500. */
	public List<Person> keyElders(RegionScope scope) {
		return persons.list(scope, null, null, 0, 500).stream()
			.filter(p -> p.categories().stream().anyMatch(c -> c.startsWith(ELDER_CATEGORY)))
			.toList();
	}

	/**
	 * Volunteers in the caller's scope with the requested skill, the elder's village first, then the rest of the
	 * township; at most {@code limit}.
	 */
	public List<Suggestion> suggestions(RegionScope scope, long id, int limit) {
		Request r = get(scope, id);
		RegionCode home = RegionCode.parse(r.regionCode());
		Map<Long, Suggestion> found = new LinkedHashMap<>();
		for (RegionLevel level : List.of(RegionLevel.VILLAGE, RegionLevel.TOWNSHIP)) {
			if (home.level().ordinal() < level.ordinal()) {
				continue;
			}
			RegionScope near = scope.narrowTo(home.ancestorAt(level));
			if (near == null) {
				continue;
			}
			for (VolunteerDirectory.Entry v : volunteers.withSkill(near, r.skill(), limit)) {
				found.putIfAbsent(v.id(), new Suggestion(v.id(), v.name(), v.regionCode(), level.name()));
			}
		}
		return new ArrayList<>(found.values()).subList(0, Math.min(limit, found.size()));
	}

	/**
	 * Matches an open request to an active volunteer in scope, and names the time-bank project in scope its service
	 * will be recorded under. Without a project named, the only time-bank project of the request's region (or of a
	 * region above it) is taken; when there is none or more than one, the project must be named.
	 */
	@Transactional
	public Request accept(RegionScope scope, long id, Long volunteerId, Long projectId) {
		Request r = get(scope, id);
		FieldChecks c = new FieldChecks();
		VolunteerChecks.active(c, volunteers, scope, "volunteerId", volunteerId);
		if (projectId == null) {
			projectId = projects.soleTimeBankProject(scope, r.regionCode()).map(ProjectService.Project::id)
				.orElse(null);
		}
		if (projectId == null) {
			c.add("projectId", "volunteering.request.project-needed");
		}
		else if (projects.findProject(scope, projectId).filter(ProjectService.Project::timeBank).isEmpty()) {
			c.add("projectId", "volunteering.request.not-time-bank", projectId);
		}
		c.throwIfAny();
		int n = jdbc.sql("""
				UPDATE elder_request SET status = 'ACCEPTED', volunteer_id = :v, project_id = :p, decided_at = :at,
				    decided_by = :by
				WHERE id = :id AND status = 'OPEN'
				""")
			.param("v", volunteerId)
			.param("p", projectId)
			.param("at", clerk.now())
			.param("by", clerk.name())
			.param("id", id)
			.update();
		if (n == 0) {
			throw BusinessException.conflict("volunteering.request.not-open", r.status().name());
		}
		audit.record("elder-request.accept", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, id);
	}

	/**
	 * The matched service was given ({@code in} may name its start and end, and the reason for confirming on the
	 * volunteer's behalf): the serving volunteer's hours are recorded under the request's project and confirmed, so
	 * they are deposited in the volunteer's account, and the same minutes are redeemed from the elder's account, the
	 * nearest pool granting first what it lacks. All in one transaction: refused, nothing is stored or moved.
	 */
	@Transactional
	public Request confirm(RegionScope scope, long id, ServiceInput in) {
		get(scope, id);
		Request r = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(Request.class)
			.single();
		if (r.status() != Status.ACCEPTED) {
			throw BusinessException.conflict("volunteering.request.not-accepted", r.status().name());
		}
		ElderService.Given given = service.give(scope, r, in == null ? ServiceInput.NONE : in);
		jdbc.sql("""
				UPDATE elder_request SET status = 'DONE', transfer_id = :t, hours_id = :h, decided_at = :at,
				    decided_by = :by
				WHERE id = :id
				""")
			.param("t", given.transferId())
			.param("h", given.hoursId())
			.param("at", clerk.now())
			.param("by", clerk.name())
			.param("id", id)
			.update();
		audit.record("elder-request.confirm", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, id);
	}

	public Request get(RegionScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE id = :id AND region_code >= :from AND region_code < :to")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Request.class)
			.optional()
			.orElseThrow(() -> BusinessException.notFound("volunteering.request.unknown", id));
	}

	/** Requests in scope, newest first, at most 500. */
	public List<Request> list(RegionScope scope) {
		return jdbc.sql(SELECT + " WHERE region_code >= :from AND region_code < :to ORDER BY id DESC LIMIT 500")
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Request.class)
			.list();
	}

	private static final String SELECT = """
			SELECT id, elder_account_id, region_code, skill, content, wanted_on, minutes, status, volunteer_id,
			    project_id, hours_id, transfer_id, created_at
			FROM elder_request""";

}
