package org.wushe.charity.support;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.personal.FieldChecks;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.actor.registry.RegionInput;

/** Region checks of charity forms, and list scopes narrowed to the user's (404 outside). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CharityRegions {

	private final RegionInput regions;

	/** The region typed into {@code field}, if well-formed, known and in scope; else a field error. */
	public Optional<Region> check(FieldChecks c, String field, String text, RegionScope scope) {
		return regions.check(field, text, scope, null, c.errors());
	}

	public RegionScope narrow(RegionScope scope, String within) {
		return regions.narrow(scope, within);
	}

	/**
	 * One page of an API list: the rows matching the filters in the user's scope narrowed to {@code within}, at most
	 * {@code size} (and {@link CharityFilter#MAX_SIZE}).
	 */
	public <T> List<T> page(RegionScope scope, String within, String q, String kind, int offset, int size,
			Function<CharityFilter, List<T>> rows) {
		List<T> found = rows.apply(new CharityFilter(narrow(scope, within), q, kind, offset, size));
		return found.subList(0, Math.min(found.size(), Math.min(Math.max(size, 1), CharityFilter.MAX_SIZE)));
	}

	public String name(RegionCode code) {
		return regions.name(code);
	}

	public List<Region> children(RegionCode code) {
		return regions.children(code);
	}

}
