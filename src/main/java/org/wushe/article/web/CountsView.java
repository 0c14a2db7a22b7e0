package org.wushe.article.web;

import java.util.List;

import org.wushe.article.ArticleCounts;

/** Article counts as the API shows them; {@code own} marks the row of the region's own articles. */
record CountsView(String region, String regionName, boolean own, long submitted, long approved, long recommended,
		long published, List<CountsView> children) {

	static CountsView of(ArticleCounts c) {
		return new CountsView(c.region().value(), c.regionName(), c.own(), c.submitted(), c.approved(),
				c.recommended(), c.published(), c.children().stream().map(CountsView::of).toList());
	}

}
