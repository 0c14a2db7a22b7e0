package org.wushe.message;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wushe.access.AccountService;
import org.wushe.access.Permissions;
import org.wushe.article.ArticleReviewed;
import org.wushe.article.ArticleStep;
import org.wushe.campaign.ReportReturned;
import org.wushe.region.RegionCode;

/**
 * Turns what other modules announce into messages for the people concerned, in the transaction of the announcement:
 * a returned report reaches the staff of the unit who submit it (urgent); an approved or returned article reaches the
 * unit's writers.
 */
@Component
@RequiredArgsConstructor
class MessageNotices {

	private final Inbox inbox;

	private final AccountService accounts;

	@EventListener
	void on(ReportReturned e) {
		List<String> to = accounts.holdersAt(new RegionCode(e.unitCode()), Permissions.REPORT_SUBMIT);
		inbox.send(to, "report-returned", "message.report-returned",
				List.of(e.campaignName(), String.valueOf(e.deadlineNumber()), e.reason()),
				"/campaigns/" + e.campaignId() + "/reports/" + e.deadlineNumber() + "?region=" + e.unitCode(), true);
	}

	@EventListener
	void on(ArticleReviewed e) {
		List<String> to = accounts.holdersAt(new RegionCode(e.regionCode()), Permissions.ARTICLE_SUBMIT);
		boolean returned = e.step() == ArticleStep.RETURN;
		inbox.send(to, returned ? "article-returned" : "article-approved",
				returned ? "message.article-returned" : "message.article-approved",
				List.of(e.title(), e.comment() == null ? "" : e.comment()), "/articles/" + e.articleId(), returned);
	}

}
