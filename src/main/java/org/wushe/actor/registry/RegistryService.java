package org.wushe.actor.registry;

import java.util.Map;
import java.util.Optional;

import org.wushe.access.CurrentUser;
import org.wushe.personal.PersonalData;

import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * The base of a registry's service: what it checks, seals, stores and audits with ({@code support}, {@code writer}),
 * and one record in scope or 404, as if a record outside the scope did not exist.
 *
 * @param <T> a record of the registry
 * @param <I> what a form or API body sends
 */
public abstract class RegistryService<T, I> implements Registry<T, I> {

	protected final RegistrySupport support;

	protected final Writer writer;

	private final String unknownKey;

	/** {@code unknownKey} is the message of the 404 for an id not found in scope. */
	protected RegistryService(RegistrySupport support, String unknownKey) {
		this.support = support;
		this.writer = support.writer();
		this.unknownKey = unknownKey;
	}

	/** One record in scope. */
	public abstract Optional<T> find(RegionScope scope, long id);

	@Override
	public T get(RegionScope scope, long id) {
		return find(scope, id).orElseThrow(() -> unknown(id));
	}

	/**
	 * The full ID number and phone of person {@code id} of {@code people} for a viewer with
	 * {@code personal-data:view}, in the viewer's scope (404 outside); audited as a read of {@code entity}.
	 */
	protected Map<PersonalData.Kind, String> revealPerson(CurrentUser viewer, String entity, PersonTable people,
			long id) {
		PersonTable.SealedPerson sealed = people.sealedPerson(viewer.scope(), id).orElseThrow(() -> unknown(id));
		return support.revealPerson(viewer, entity, id, sealed.regionCode(), sealed.idNumber(), sealed.phone());
	}

	/** The 404 for record {@code id}: not found, or outside the caller's scope. */
	protected BusinessException unknown(long id) {
		return BusinessException.notFound(unknownKey, id);
	}

}
