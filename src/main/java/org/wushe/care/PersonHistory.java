package org.wushe.care;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;

/**
 * A person's file history as the pages show it, with region names: the whole history to those who now serve the
 * person, and to a region the person was transferred out of, the lines on its side (the registration, the edits and
 * the move out), so both sides see the move.
 */
@Component
@RequiredArgsConstructor
public class PersonHistory {

	/** One line: when (in the platform's zone), who, what (REGISTER, UPDATE, TRANSFER), from and to (codes and names). */
	record Line(LocalDateTime at, String actor, String action, String fromRegion, String fromName, String toRegion,
			String toName) {
	}

	/** What a region the person has left sees of them: their name, where they went, and its side of the history. */
	public record Moved(long personId, String name, String toRegion, String toName, List<Line> lines) {
	}

	private final Persons persons;

	private final Regions regions;

	private final Clock clock;

	/** The whole history of a person in scope (404 otherwise). */
	public List<Line> of(RegionScope scope, long id) {
		persons.find(scope, id).orElseThrow(() -> PersonService.unknown(id));
		return persons.historyOf(id).stream().map(this::line).toList();
	}

	/** A person transferred out of the scope, seen from it; empty if they never were registered in it. */
	public Optional<Moved> movedAway(RegionScope scope, long id) {
		List<Persons.HistoryLine> lines = persons.historySeenFrom(scope, id);
		return lines.stream()
			.filter(l -> "TRANSFER".equals(l.action()) && l.fromRegion() != null
					&& scope.covers(RegionCode.parse(l.fromRegion())) && !scope.covers(RegionCode.parse(l.toRegion())))
			.reduce((a, b) -> b)
			.map(out -> new Moved(id, out.personName(), out.toRegion(), name(out.toRegion()),
					lines.stream().map(this::line).toList()));
	}

	private Line line(Persons.HistoryLine h) {
		return new Line(LocalDateTime.ofInstant(h.occurredAt().toInstant(), clock.getZone()), h.actor(), h.action(), h.fromRegion(), name(h.fromRegion()),
				h.toRegion(), name(h.toRegion()));
	}

	private String name(String code) {
		if (code == null) {
			return null;
		}
		RegionCode region = RegionCode.parse(code);
		return regions.path(region)
			.stream()
			.filter(r -> !r.code().isCountry())
			.map(Region::name)
			.reduce((a, b) -> a + b)
			.orElse(code);
	}

}
