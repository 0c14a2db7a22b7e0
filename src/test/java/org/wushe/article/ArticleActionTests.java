package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;

/** Who may take which step with an article, written once on {@link Article} for the service and the pages. */
class ArticleActionTests {

	static final RegionCode UNIT = RegionCode.parse("150102");

	static final RegionCode CITY = RegionCode.parse("1501");

	static Article article(ArticleStatus status, RegionCode stage, RegionCode approvedBy, Instant publishedAt,
			RegionCode publishedRegion) {
		return new Article(7, UNIT, "新城区", null, null, "标题", "", 0, null, null, null, null, status, stage,
				stage.parent(), null, null, null, approvedBy, null, publishedAt, publishedAt == null ? null : "pub",
				publishedRegion, Instant.EPOCH, "author", Instant.EPOCH, "author", 0, List.of());
	}

	static CurrentUser user(String name, RegionCode region, String... permissions) {
		CurrentUser user = mock(CurrentUser.class);
		Set<String> granted = Set.of(permissions);
		when(user.can(org.mockito.ArgumentMatchers.anyString()))
			.thenAnswer(call -> granted.contains(call.getArgument(0, String.class)));
		when(user.region()).thenReturn(region);
		when(user.getUsername()).thenReturn(name);
		return user;
	}

	static String refusal(Article a, ArticleAction action, CurrentUser user) {
		Optional<BusinessException> r = a.refusal(action, user);
		return r.map(e -> e.status().value() + " " + e.messageKey()).orElse("allowed");
	}

	@Test
	void theUnitEditsSubmitsAndItsAuthorDeletesOnlyWhileItHoldsTheArticle() {
		CurrentUser author = user("author", UNIT, Permissions.ARTICLE_SUBMIT);
		CurrentUser colleague = user("colleague", UNIT, Permissions.ARTICLE_SUBMIT);
		CurrentUser other = user("author", RegionCode.parse("150103"), Permissions.ARTICLE_SUBMIT);
		Article draft = article(ArticleStatus.DRAFT, UNIT, null, null, null);
		Article submitted = article(ArticleStatus.SUBMITTED, UNIT, null, null, null);
		assertThat(refusal(draft, ArticleAction.EDIT, author)).isEqualTo("allowed");
		assertThat(refusal(draft, ArticleAction.SUBMIT, colleague)).isEqualTo("allowed");
		assertThat(refusal(draft, ArticleAction.DELETE, author)).isEqualTo("allowed");
		assertThat(refusal(draft, ArticleAction.DELETE, colleague)).isEqualTo("403 article.error.not-author");
		assertThat(refusal(draft, ArticleAction.EDIT, other)).isEqualTo("403 article.error.not-your-unit");
		assertThat(refusal(submitted, ArticleAction.EDIT, author)).isEqualTo("409 article.error.not-editable");
		assertThat(refusal(submitted, ArticleAction.DELETE, author)).isEqualTo("409 article.error.not-editable");
		assertThat(refusal(article(ArticleStatus.RETURNED, UNIT, null, null, null), ArticleAction.SUBMIT, author))
			.isEqualTo("allowed");
		assertThat(refusal(draft, ArticleAction.APPROVE, author)).isEqualTo("403 error.forbidden");
	}

	@Test
	void theReviewRegionApprovesReturnsAndRecommendsByStatus() {
		CurrentUser reviewer = user("city", CITY, Permissions.ARTICLE_REVIEW);
		CurrentUser elsewhere = user("city2", RegionCode.parse("1502"), Permissions.ARTICLE_REVIEW);
		Article submitted = article(ArticleStatus.SUBMITTED, UNIT, null, null, null);
		Article approved = article(ArticleStatus.APPROVED, UNIT, CITY, null, null);
		Article returned = article(ArticleStatus.RETURNED, UNIT, null, null, null);
		assertThat(refusal(submitted, ArticleAction.APPROVE, reviewer)).isEqualTo("allowed");
		assertThat(refusal(submitted, ArticleAction.RETURN, reviewer)).isEqualTo("allowed");
		assertThat(refusal(submitted, ArticleAction.RECOMMEND, reviewer))
			.isEqualTo("409 article.error.not-waiting");
		assertThat(refusal(approved, ArticleAction.APPROVE, reviewer)).isEqualTo("409 article.error.not-waiting");
		assertThat(refusal(approved, ArticleAction.RETURN, reviewer)).isEqualTo("allowed");
		assertThat(refusal(approved, ArticleAction.RECOMMEND, reviewer)).isEqualTo("allowed");
		assertThat(refusal(returned, ArticleAction.RETURN, reviewer)).isEqualTo("409 article.error.not-waiting");
		assertThat(refusal(submitted, ArticleAction.APPROVE, elsewhere)).isEqualTo("403 article.error.not-your-review");
		Article atTheTop = article(ArticleStatus.APPROVED, RegionCode.parse("15"), CITY, null, null);
		assertThat(refusal(atTheTop, ArticleAction.RECOMMEND, user("nation", RegionCode.COUNTRY,
				Permissions.ARTICLE_REVIEW))).isEqualTo("409 article.error.top-level");
		assertThat(refusal(submitted, ArticleAction.EDIT, reviewer)).isEqualTo("403 error.forbidden");
	}

	@Test
	void anyLevelPublishesAnApprovedArticleAndOnlyThePublisherOrAboveTakesItOff() {
		CurrentUser publisher = user("city", CITY, Permissions.ARTICLE_PUBLISH);
		CurrentUser below = user("unit", UNIT, Permissions.ARTICLE_PUBLISH);
		Article approved = article(ArticleStatus.APPROVED, UNIT, CITY, null, null);
		Article published = article(ArticleStatus.APPROVED, UNIT, CITY, Instant.EPOCH, CITY);
		Article submitted = article(ArticleStatus.SUBMITTED, UNIT, null, null, null);
		assertThat(refusal(approved, ArticleAction.PUBLISH, below)).isEqualTo("allowed");
		assertThat(refusal(submitted, ArticleAction.PUBLISH, publisher)).isEqualTo("409 article.error.not-approved");
		assertThat(refusal(published, ArticleAction.PUBLISH, publisher))
			.isEqualTo("409 article.error.already-published");
		assertThat(refusal(published, ArticleAction.UNPUBLISH, publisher)).isEqualTo("allowed");
		assertThat(refusal(published, ArticleAction.UNPUBLISH, below))
			.isEqualTo("403 article.error.not-your-publication");
		assertThat(refusal(approved, ArticleAction.UNPUBLISH, publisher)).isEqualTo("409 article.error.not-published");
		assertThat(approved.allows(ArticleAction.PUBLISH, user("x", CITY))).isFalse();
	}

}
