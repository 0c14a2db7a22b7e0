package org.wushe.article;

/**
 * The review region approved an article or returned it to its unit; published in the transaction of the step.
 *
 * @param regionCode the unit that wrote the article
 * @param step {@link ArticleStep#APPROVE} or {@link ArticleStep#RETURN}
 * @param comment the reviewer's comment, or {@code null}
 */
public record ArticleReviewed(long articleId, String title, String regionCode, ArticleStep step, String comment) {
}
