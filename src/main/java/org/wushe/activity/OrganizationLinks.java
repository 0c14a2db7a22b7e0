package org.wushe.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.actor.OrganizationDirectory;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The registered organizations an activity names (table {@code activity_organization}), besides the free text of
 * 参与活动的单位. Only organizations the user can see may be linked.
 */
@Component
@RequiredArgsConstructor
class OrganizationLinks {

	static final String FIELD = "organizationIds";

	static final int MAX = 50;

	private final JdbcClient jdbc;

	private final OrganizationDirectory directory;

	/**
	 * The ids to link, without repeats, in the order given; {@code null} when {@code ids} is (links stay as they are).
	 * Throws {@link InvalidInputException} on {@code organizationIds} for an id that is unknown or out of scope.
	 */
	List<Long> check(RegionScope scope, List<Long> ids) {
		if (ids == null) {
			return null;
		}
		List<FieldError> errors = new ArrayList<>();
		LinkedHashSet<Long> distinct = new LinkedHashSet<>();
		for (Long id : ids) {
			if (id == null || directory.find(scope, id).isEmpty()) {
				errors.add(new FieldError(FIELD, "activity.error.organization-unknown", String.valueOf(id)));
			}
			else {
				distinct.add(id);
			}
		}
		if (distinct.size() > MAX) {
			errors.add(new FieldError(FIELD, "activity.error.organization-too-many", MAX));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return List.copyOf(distinct);
	}

	void replace(long activityId, RegionCode region, List<Long> ids) {
		jdbc.sql("DELETE FROM activity_organization WHERE activity_id = :a").param("a", activityId).update();
		int seq = 0;
		for (long id : ids) {
			jdbc.sql("""
					INSERT INTO activity_organization (activity_id, organization_id, region_code, seq)
					VALUES (:a, :o, :r, :s)
					""").param("a", activityId).param("o", id).param("r", region.value()).param("s", seq++).update();
		}
	}

	/**
	 * The links of a record after an edit by a user with this scope: the chosen ones, then those the user cannot see
	 * (linked by a level above), which the user could neither keep nor remove and which therefore stay.
	 */
	List<Long> afterEdit(RegionScope scope, long activityId, List<Long> chosen) {
		List<Long> result = new ArrayList<>(chosen);
		for (long id : ids(List.of(activityId)).getOrDefault(activityId, List.of())) {
			if (!result.contains(id) && directory.find(scope, id).isEmpty()) {
				result.add(id);
			}
		}
		return result;
	}

	/** The linked ids of each of the activities, in their order; activities without links are absent. */
	Map<Long, List<Long>> ids(List<Long> activityIds) {
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		if (activityIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT activity_id, organization_id FROM activity_organization
				WHERE activity_id IN (:ids) ORDER BY activity_id, seq
				""")
			.param("ids", activityIds)
			.query(rs -> {
				result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return result;
	}

	/** The linked organizations the viewer can see, in their order. */
	List<OrganizationDirectory.Entry> entries(RegionScope scope, long activityId) {
		return ids(List.of(activityId)).getOrDefault(activityId, List.of())
			.stream()
			.map(id -> directory.find(scope, id))
			.flatMap(Optional::stream)
			.toList();
	}

}
