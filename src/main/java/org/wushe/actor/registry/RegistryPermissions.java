package org.wushe.actor.registry;

import org.wushe.access.Permissions;

/**
 * Who may use a registry's pages and API: {@code view} to list and read, {@code manage} to register and edit. The
 * registry bases check them as {@code hasAuthority(this.permissions().view())}, so any module can serve its own
 * registry on them under its own permissions.
 */
public record RegistryPermissions(String view, String manage) {

	/** The actor registries: organizations, social workers, volunteers, communities. */
	public static final RegistryPermissions ACTOR = new RegistryPermissions(Permissions.ACTOR_VIEW,
			Permissions.ACTOR_MANAGE);

}
