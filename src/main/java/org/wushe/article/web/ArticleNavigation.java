package org.wushe.article.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class ArticleNavigation {

	@Bean
	NavItem articleNavItem() {
		return new NavItem(NavGroup.CAMPAIGNS, "nav.articles", "/articles", Permissions.ARTICLE_SUBMIT, 500);
	}

	@Bean
	NavItem articleReviewNavItem() {
		return new NavItem(NavGroup.CAMPAIGNS, "nav.article-review", "/articles/review", Permissions.ARTICLE_REVIEW, 510);
	}

}
