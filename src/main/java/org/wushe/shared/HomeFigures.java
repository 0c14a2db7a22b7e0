package org.wushe.shared;

import java.util.Collection;
import java.util.List;

/**
 * Extension point of the workbench: a module that keeps figures of a region (activities this year, sites, registered
 * people) offers a few of them for the user's own region. Answers must be cheap (kept counts or cached figures), as
 * the workbench is the page every user opens first.
 */
public interface HomeFigures {

	/**
	 * The figures for a user whose scope is the subtree of {@code regionCode} and who holds {@code authorities}; empty
	 * when the user may not see them.
	 */
	List<HomeFigure> figuresFor(String regionCode, Collection<String> authorities);

}
