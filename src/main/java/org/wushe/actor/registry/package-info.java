/**
 * The one path every registry takes, open to other modules as {@code actor :: registry}: list filters and pages
 * ({@link org.wushe.region.ListQuery}, {@link org.wushe.actor.registry.Page}), counts per child region, the
 * base of a registry table ({@link org.wushe.actor.registry.RegistryTable}, over
 * {@link org.wushe.region.ScopedRows} and {@link org.wushe.personal.SealedColumns}), the service, page and API bases
 * with their permissions as a parameter ({@link org.wushe.actor.registry.RegistryPermissions}), and the workbook
 * import and export.
 */
@org.springframework.modulith.NamedInterface("registry")
package org.wushe.actor.registry;
