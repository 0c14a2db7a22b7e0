package org.wushe.shared;

/**
 * One entry of the sidebar menu. A module declares each of its entries as a bean, one line each:
 *
 * <pre>
 * &#64;Bean
 * NavItem visitNavItem() {
 * 	return new NavItem(NavGroup.SERVICES, "nav.care.visits", "/care/visits", "care:view", 620);
 * }
 * </pre>
 *
 * The layout shows, within each {@link NavGroup}, the entries whose permission the user holds, in {@code order}. An
 * entry is only shown when some page is served at its {@code href} (or below it), so an entry may be declared before
 * the module that serves it exists.
 *
 * @param group the menu group it sits in
 * @param labelKey message key of the label
 * @param href path of the page
 * @param permission permission string needed to see the entry
 * @param order position within the group, small first
 */
public record NavItem(NavGroup group, String labelKey, String href, String permission, int order) {

	/** An entry of the {@link NavGroup#SERVICES} group. */
	public NavItem(String labelKey, String href, String permission, int order) {
		this(NavGroup.SERVICES, labelKey, href, permission, order);
	}

}
