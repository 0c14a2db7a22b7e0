package org.wushe.shared;

/**
 * Figures a dashboard shows changed: published synchronously by the class that keeps those figures in its module,
 * inside the transaction of the change (or just after the change when there is no transaction). The stats module
 * moves its figure version on it, so a dashboard is never served from before a committed change. A writer that
 * changes figures without publishing this leaves dashboards stale; {@code FiguresChangedTests} catches that.
 *
 * @param area whose figures changed
 */
public record FiguresChanged(Area area) {

	/** The modules whose figures the dashboard shows. */
	public enum Area {

		ACTIVITY, SITE, ACTOR, CARE, VOLUNTEERING

	}

}
