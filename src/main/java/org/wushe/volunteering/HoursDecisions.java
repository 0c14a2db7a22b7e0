package org.wushe.volunteering;

import java.sql.Timestamp;
import java.util.List;

import lombok.RequiredArgsConstructor;
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

/**
 * The confirmation workflow of a record: confirmed (by the volunteer, or by the organizer on their behalf with a
 * reason), disputed back to the organizer, or reversed by a correcting record with a reason. Confirmed minutes are
 * counted on the region's figures and the volunteer's total, and those of a time-bank project deposited in the
 * volunteer's account, in the same transaction; a reversal takes both back.
 */
@Component
@RequiredArgsConstructor
class HoursDecisions {

	private final JdbcClient jdbc;

	private final HoursRecords records;

	private final ProjectService projects;

	private final VolunteerDirectory volunteers;

	private final Ledger ledger;

	private final VolunteeringTally tally;

	private final ActiveVolunteers active;

	private final AuditTrail audit;

	private final Clerk clerk;

	@Transactional
	HoursService.Record confirm(RegionScope scope, long id, String reason) {
		HoursService.Record r = undecided(scope, id);
		decide(id, HoursService.Status.CONFIRMED, VolunteerChecks.REASON.optional(reason), List.of(HoursService.Status.RECORDED, HoursService.Status.DISPUTED),
				"volunteering.hours.already-confirmed");
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
		HoursService.Record r = undecided(scope, id);
		decide(id, HoursService.Status.DISPUTED, VolunteerChecks.REASON.required(reason), List.of(HoursService.Status.RECORDED),
				"volunteering.hours.already-disputed");
		audit.record("volunteer-hours.dispute", HoursService.ENTITY, id, RegionCode.parse(r.regionCode()));
		return records.get(scope, id);
	}

	/** A record in scope that may still be confirmed or disputed: not a reversal, not reversed, not confirmed. */
	private HoursService.Record undecided(RegionScope scope, long id) {
		HoursService.Record r = reversible(scope, id);
		if (r.status() == HoursService.Status.CONFIRMED) {
			throw BusinessException.conflict("volunteering.hours.already-confirmed", id);
		}
		return r;
	}

	/** A record in scope that is not a reversal and has not been reversed. */
	private HoursService.Record reversible(RegionScope scope, long id) {
		HoursService.Record r = records.get(scope, id);
		if (r.reversesId() != null) {
			throw BusinessException.conflict("volunteering.hours.reversal-final");
		}
		if (r.reversed()) {
			throw BusinessException.conflict("volunteering.hours.already-reversed", id);
		}
		return r;
	}

	/**
	 * Moves the record to {@code status} with the reason, from one of the {@code from} statuses; refused with
	 * {@code conflictKey} when another decision came first.
	 */
	private void decide(long id, HoursService.Status status, String reason, List<HoursService.Status> from,
			String conflictKey) {
		int n = jdbc.sql("""
				UPDATE service_hours SET status = :status, reason = :reason, decided_at = :at, decided_by = :by
				WHERE id = :id AND status IN (:from)
				""")
			.param("from", from.stream().map(Enum::name).toList())
			.param("status", status.name())
			.param("reason", reason, java.sql.Types.VARCHAR)
			.param("at", clerk.now())
			.param("by", clerk.name())
			.param("id", id)
			.update();
		if (n == 0) {
			throw BusinessException.conflict(conflictKey, id);
		}
	}

	@Transactional
	HoursService.Record reverse(RegionScope scope, long id, String reason) {
		HoursService.Record r = reversible(scope, id);
		String why = VolunteerChecks.REASON.required(reason);
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
		// under the lock of the volunteer's total row just updated
		active.change(r.volunteerId(), r.regionCode(), r.start().toLocalDate(), Integer.signum(minutes));
	}

	private String volunteerRegion(long volunteerId) {
		return volunteers.find(new RegionScope(RegionCode.COUNTRY), volunteerId)
			.map(VolunteerDirectory.Entry::regionCode)
			.orElseThrow(() -> BusinessException.notFound("volunteering.input.unknown-volunteer", volunteerId));
	}

}
