package org.wushe.article.web;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.article.ArticleTallies;
import org.wushe.article.ArticleToDo;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The article module's part of the workbench: returned articles to fix (urgent), drafts not yet submitted, and
 * articles waiting for the user's review, each with its count and a link to the filtered list.
 */
@Component
@RequiredArgsConstructor
class ArticleNotices implements HomeNotices {

	private final ArticleTallies articles;

	@Override
	public List<HomeNotice> noticesFor(UserDetails user) {
		if (!(user instanceof CurrentUser current)) {
			return List.of();
		}
		ArticleToDo todo = articles.toDo(current);
		List<HomeNotice> notices = new ArrayList<>();
		if (todo.returned() > 0) {
			notices.add(new HomeNotice("article-returned", 0, "article.todo.returned", List.of(todo.returned()),
					"/articles?status=RETURNED", true));
		}
		if (todo.toReview() > 0) {
			notices.add(new HomeNotice("article-review", 0, "article.todo.review", List.of(todo.toReview()),
					"/articles/review", false));
		}
		if (todo.drafts() > 0) {
			notices.add(new HomeNotice("article-draft", 0, "article.todo.drafts", List.of(todo.drafts()),
					"/articles?status=DRAFT", false));
		}
		return notices;
	}

}
