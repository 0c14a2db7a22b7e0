package org.wushe.shared;

/**
 * One entry of the main navigation. Each module declares its own as a bean; the layout shows the entries the user has
 * the permission for, in {@code order}.
 *
 * @param labelKey message key of the label
 * @param href path of the page
 * @param permission permission string needed to see the entry
 * @param order position, small first
 */
public record NavItem(String labelKey, String href, String permission, int order) {
}
