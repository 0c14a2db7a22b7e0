package org.wushe.article;

/**
 * The articles that wait for one user: the unit's own returned articles and drafts, and those submitted to the user's
 * region for a review.
 */
public record ArticleToDo(long returned, long drafts, long toReview) {
}
