package org.wushe.article;

import java.util.Locale;

import org.wushe.access.Permissions;

/**
 * What a user may do with an article; {@link Article#refusal} says, once for the service and the pages, whether the
 * user may do it now. Each action needs its {@link #permission()}.
 */
public enum ArticleAction {

	/** The unit changes its draft or returned article. */
	EDIT(Permissions.ARTICLE_SUBMIT),
	/** The unit submits its draft, or resubmits its returned article. */
	SUBMIT(Permissions.ARTICLE_SUBMIT),
	/** The author deletes a draft or returned article of the unit. */
	DELETE(Permissions.ARTICLE_SUBMIT),
	APPROVE(Permissions.ARTICLE_REVIEW),
	RETURN(Permissions.ARTICLE_REVIEW),
	RECOMMEND(Permissions.ARTICLE_REVIEW),
	PUBLISH(Permissions.ARTICLE_PUBLISH),
	UNPUBLISH(Permissions.ARTICLE_PUBLISH);

	private final String permission;

	ArticleAction(String permission) {
		this.permission = permission;
	}

	public String permission() {
		return permission;
	}

	/** The action a path segment names in lower case, such as {@code approve} or {@code unpublish}. */
	public static ArticleAction ofPath(String segment) {
		return valueOf(segment.toUpperCase(Locale.ROOT));
	}

}
