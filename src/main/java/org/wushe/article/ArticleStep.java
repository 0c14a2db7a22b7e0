package org.wushe.article;

import java.util.Locale;

/** The steps recorded in an article's history. */
public enum ArticleStep {

	CREATE, SUBMIT, RESUBMIT, APPROVE, RETURN, RECOMMEND, PUBLISH, UNPUBLISH;

	public String messageKey() {
		return "article.step." + name().toLowerCase(Locale.ROOT);
	}

}
