package org.wushe.volunteering;

import java.sql.Timestamp;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * The confirmation workflow of a record: confirmed (by the volunteer, or by the organizer on their behalf with a
 * reason), disputed back to the organizer, or reversed by a correcting record with a reason. Confirmed minutes are
 * counted on the region's figures and the volunteer's total, and those of a time-bank project deposited in the
 * volunteer's account, in the same transaction; a reversal takes both back.
 */
@Component
class HoursDecisions {

	private final JdbcClient jdbc;

	private final HoursRecords records;

	private final ProjectService projects;

	private final VolunteerDirectory volunteers;

	private final Ledger ledger;

	private final VolunteeringTally tally;

	private final AuditTrail audit;

	private final Clerk clerk;

	HoursDecisions(JdbcClient jdbc, HoursRecords records, ProjectService projects, VolunteerDirectory volunteers,
			Ledger ledger, VolunteeringTally tally, AuditTrail audit, Clerk clerk) {
		this.jdbc = jdbc;
		this.records = records;
		this.projects = projects;
		this.volunteers = volunteers;
		this.ledger = ledger;
		this.tally = tally;
		this.audit = audit;
		this.clerk = clerk;
	}

	@Transactional
	HoursService.Record confirm(RegionScope scope, long id, String reason) {
		HoursService.Record r = records.get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.reversed()) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		if (r.status() == HoursService.Status.CONFIRMED) {
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
			ledger.deposit(id, r.volunteerId(), volunteerRegion(r.volunteerId()), r.minutes());
		}
		audit.record("volunteer-hours.confirm", HoursService.ENTITY, id, RegionCode.parse(r.regionCode()));
		return records.get(scope, id);
	}

	@Transactional
	HoursService.Record dispute(RegionScope scope, long id, String reason) {
		HoursService.Record r = records.get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.status() == HoursService.Status.CONFIRMED) {
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
		audit.record("volunteer-hours.dispute", HoursService.ENTITY, id, RegionCode.parse(r.regionCode()));
		return records.get(scope, id);
	}

	@Transactional
	HoursService.Record reverse(RegionScope scope, long id, String reason) {
		HoursService.Record r = records.get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.reversed()) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		String why = reason(reason, true);
		boolean confirmed = r.status() == HoursService.Status.CONFIRMED;
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
				.param("status", confirmed ? HoursService.Status.CONFIRMED.name() : HoursService.Status.VOID.name())
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
				ledger.withdrawDeposit(id, r.volunteerId(), volunteerRegion(r.volunteerId()));
			}
		}
		audit.record("volunteer-hours.reverse", HoursService.ENTITY, id, RegionCode.parse(r.regionCode()));
		return records.get(scope, reversal);
	}

	private void counted(HoursService.Record r, int minutes) {
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

}
