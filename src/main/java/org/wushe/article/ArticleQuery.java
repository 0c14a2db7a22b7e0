package org.wushe.article;

/**
 * A list of articles.
 *
 * @param view {@code MINE} the user's unit's own articles (drafts included); {@code REVIEW} those waiting at the
 * user's region (submitted, or approved and not yet recommended); {@code ALL} every submitted article in scope
 * @param status only this status, or {@code null}
 * @param region only units inside this region (within the scope), or {@code null}
 * @param campaignId only this campaign, or {@code null}
 * @param published only published ({@code true}), only unpublished ({@code false}), or either ({@code null})
 */
public record ArticleQuery(View view, ArticleStatus status, String region, Long campaignId, Boolean published,
		int offset, int size) {

	public enum View {

		MINE, REVIEW, ALL

	}

	public ArticleQuery {
		view = view == null ? View.ALL : view;
		offset = Math.max(offset, 0);
		size = Math.min(Math.max(size, 1), 200);
	}

	public static ArticleQuery of(View view) {
		return new ArticleQuery(view, null, null, null, null, 0, 50);
	}

}
