package org.wushe.article.web;

/** The comment of a review step (required to return an article, optional otherwise). */
record ReviewRequest(String comment) {
}
