package org.wushe.care;

import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.shared.FiguresChanged;

/**
 * 服务标记: one row per person and day served (visited, or given a case service) on the region served in. Callers hold
 * the person's row lock, so the look-up before the insert cannot race with another writer for the same person.
 */
@Component
class ServedMarks {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ServedMarks(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	void mark(long personId, String regionCode, LocalDate day) {
		jdbc.sql("""
				INSERT INTO care_served (region_code, served_on, person_id)
				SELECT :region, :day, :person
				WHERE NOT EXISTS (SELECT 1 FROM care_served
				                  WHERE region_code = :region AND served_on = :day AND person_id = :person)
				""")
			.param("region", regionCode)
			.param("day", day)
			.param("person", personId)
			.update();
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.CARE));
	}

}
