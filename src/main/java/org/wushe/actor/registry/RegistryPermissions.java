package org.wushe.actor.registry;

import org.wushe.access.Permissions;

/**
 * Who may use a registry's pages and API: {@code view} to list and read, {@code manage} to register and edit. The
 * registry bases check them as {@code hasAuthority(this.permissions().view())}, so any module can serve its own
 * registry on them under its own permissions.
 */
public record RegistryPermissions(String view, String manage) {

	/** Both are required: a missing one would fail every check of the endpoints it guards only when first asked. */
	public RegistryPermissions {
		if (view == null || view.isBlank() || manage == null || manage.isBlank()) {
			throw new IllegalArgumentException("a registry needs a view and a manage permission");
		}
	}

	/** The actor registries: organizations, social workers, volunteers, communities. */
	public static final RegistryPermissions ACTOR = new RegistryPermissions(Permissions.ACTOR_VIEW,
			Permissions.ACTOR_MANAGE);

}
