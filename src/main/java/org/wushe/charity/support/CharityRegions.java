package org.wushe.charity.support;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionInput;
import org.wushe.region.ListQuery;
import org.wushe.shared.ListPage;

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
	 * {@code size} (and {@link ListQuery#MAX_SIZE}).
	 */
	public <T> List<T> page(RegionScope scope, String within, String q, String kind, int offset, int size,
			Function<ListQuery, List<T>> rows) {
		ListQuery filter = new ListQuery(narrow(scope, within), q, kind, "", offset, size);
		List<T> found = rows.apply(filter);
		return found.subList(0, Math.min(found.size(), filter.size()));
	}

	/**
	 * One page of a list page: page {@code page} (from 0) of {@code pageSize} rows matching the filters in the user's
	 * scope narrowed to {@code within}, as {@code attribute}, whether there is a next page ({@code hasNext}), and the
	 * page and filters ({@code page}, {@code within}, {@code q}, {@code kind}), in the model; answers the narrowed
	 * scope.
	 */
	public <T> RegionScope listPage(CurrentUser user, String within, String q, String kind, int page, int pageSize,
			Model model, String attribute, Function<ListQuery, List<T>> rows) {
		RegionScope scope = narrow(user.scope(), within);
		ListPage p = new ListPage(page, pageSize);
		p.show(model, attribute, rows.apply(new ListQuery(scope, q, kind, "", p.offset(), pageSize)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		return scope;
	}

	public String name(RegionCode code) {
		return regions.name(code);
	}

	public List<Region> children(RegionCode code) {
		return regions.children(code);
	}

}
