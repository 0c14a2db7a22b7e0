package org.wushe.site;

import org.wushe.region.RegionScope;

/**
 * The social workers (社工) a site's staff may be linked to, as the registry that keeps them answers: provided by the
 * registry module, so that a staff member's {@code workerId} must name a worker that exists within the caller's
 * scope.
 */
public interface StaffWorkers {

	/** Whether the worker exists and lies within {@code scope}. */
	boolean isKnown(long workerId, RegionScope scope);

}
