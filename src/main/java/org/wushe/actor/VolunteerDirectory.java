package org.wushe.actor;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wushe.actor.volunteer.Volunteer;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionScope;

/**
 * The actor module's public API for naming registered volunteers from other modules (the volunteers of a service
 * project, the holder of a time-bank account), always within the caller's scope. The ID number is only ever masked.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VolunteerDirectory {

	/** A registered volunteer as other modules name it. */
	public record Entry(long id, String name, String volunteerNumber, String maskedIdNumber, String regionCode,
			String regionName, boolean active) {
	}

	private final VolunteerService volunteers;

	/** The volunteer if they lie in the scope. */
	public Optional<Entry> find(RegionScope scope, long id) {
		return volunteers.find(scope, id).map(VolunteerDirectory::entry);
	}

	/**
	 * The volunteers among {@code ids} that lie in the scope, by id, looked up together (one statement per thousand
	 * ids); an id unknown or outside the scope has no entry.
	 */
	public Map<Long, Entry> findAll(RegionScope scope, Collection<Long> ids) {
		Map<Long, Entry> found = new HashMap<>();
		if (!ids.isEmpty()) {
			volunteers.findAll(scope, ids).forEach(v -> found.put(v.id(), entry(v)));
		}
		return found;
	}

	/** Active volunteers in the scope, newest first, at most {@code size} (up to 500). */
	public List<Entry> list(RegionScope scope, int size) {
		return volunteers.list(new ListQuery(scope, null, null, "ACTIVE", 0, size))
			.rows()
			.stream()
			.map(VolunteerDirectory::entry)
			.toList();
	}

	/** The volunteer with this volunteer number (志愿者编号) if they lie in the scope. */
	public Optional<Entry> findByNumber(RegionScope scope, String volunteerNumber) {
		if (volunteerNumber == null || volunteerNumber.isBlank()) {
			return Optional.empty();
		}
		String number = volunteerNumber.strip();
		return volunteers.list(new ListQuery(scope, number, null, null, 0, 5))
			.rows()
			.stream()
			.filter(v -> number.equals(v.volunteerNumber()))
			.findFirst()
			.map(VolunteerDirectory::entry);
	}

	/** Active volunteers in the scope who list {@code skill} among their skills, newest first, at most {@code size}. */
	public List<Entry> withSkill(RegionScope scope, String skill, int size) {
		String wanted = skill == null ? "" : skill.strip();
		return volunteers.list(new ListQuery(scope, wanted, null, "ACTIVE", 0, ListQuery.MAX_SIZE))
			.rows()
			.stream()
			.filter(v -> wanted.isEmpty() || v.skills().contains(wanted))
			.limit(Math.max(size, 1))
			.map(VolunteerDirectory::entry)
			.toList();
	}

	private static Entry entry(Volunteer v) {
		return new Entry(v.id(), v.name(), v.volunteerNumber(), v.idNumber(), v.regionCode(), v.regionName(),
				v.status() != org.wushe.actor.volunteer.VolunteerStatus.WITHDRAWN);
	}

}
