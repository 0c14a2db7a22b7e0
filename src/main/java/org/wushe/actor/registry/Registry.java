package org.wushe.actor.registry;

import org.wushe.access.CurrentUser;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionScope;

/**
 * What the API and pages of a registry ask its service: a page of the list, register, one record, edit, counts per
 * child region. Every call is bounded by the caller's region scope (404 outside).
 *
 * @param <T> a record of the registry
 * @param <I> what a form or API body sends
 */
public interface Registry<T, I> {

	Page<T> list(ListQuery query);

	T register(I input, RegionScope scope);

	T get(RegionScope scope, long id);

	T update(long id, I input, RegionScope scope);

	RegionBreakdown.Result counts(RegionScope scope);

	/** The full personal data of one record, for a viewer allowed to see them; every read is audited. */
	Object fullPersonalData(CurrentUser viewer, long id);

}
