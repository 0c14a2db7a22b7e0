package org.wushe.article;

import java.util.Locale;

/**
 * Where an article is in its life: a draft of its unit, submitted to (and waiting at) its review region, returned
 * to its unit for changes, or approved by its review region (which may then recommend it one level up).
 */
public enum ArticleStatus {

	DRAFT, SUBMITTED, RETURNED, APPROVED;

	/** Whether the unit may still change it. */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

	public String messageKey() {
		return "article.status." + name().toLowerCase(Locale.ROOT);
	}

}
