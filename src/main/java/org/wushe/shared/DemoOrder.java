package org.wushe.shared;

/**
 * The order in which the demo data listeners of {@code RegionTreeLoaded} run (their {@code @Order}): the accounts
 * first (they run at the highest precedence), then the registries' demo (volunteers, people served, ...), then the
 * demo of the modules that build on those registries, such as volunteering's projects, hours and time bank.
 */
public final class DemoOrder {

	/** The registries' demo data: actor, care. */
	public static final int REGISTRIES = 0;

	/** Demo data written over the registries' demo: it finds the volunteers and people served already there. */
	public static final int AFTER_REGISTRIES = 100;

	private DemoOrder() {
	}

}
