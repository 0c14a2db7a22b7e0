package org.wushe.article.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.activity.Activity;
import org.wushe.activity.ActivityService;
import org.wushe.article.Article;
import org.wushe.article.ArticleAction;
import org.wushe.article.ArticleInput;
import org.wushe.article.ArticleQuery;
import org.wushe.article.ArticleService;
import org.wushe.article.ArticleStatus;
import org.wushe.article.ArticleStep;
import org.wushe.article.ArticleTallies;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.Deadline;
import org.wushe.region.Region;
import org.wushe.region.RegionLevel;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ListPage;
import org.wushe.shared.upload.UploadedFile;

/**
 * Article pages: the unit's own articles, the editor with its live 附件2 check, the detail with history and review
 * actions, the review queue of the user's level, all articles in scope, and the counts.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ArticleController {

	private static final int PAGE_SIZE = 30;

	@ModelAttribute("zone")
	ZoneId zone() {
		return Deadline.ZONE;
	}

	private final ArticleService articles;

	private final CampaignService campaigns;

	private final ActivityService activities;

	private final Regions regions;

	private final ArticleTallies tallies;

	/** What the user may do with an article on its detail page. */
	record Actions(boolean edit, boolean submit, boolean approve, boolean returnToUnit, boolean recommend,
			boolean publish, boolean unpublish) {

		static Actions of(Article a, CurrentUser user) {
			return new Actions(a.allows(ArticleAction.EDIT, user), a.allows(ArticleAction.SUBMIT, user),
					a.allows(ArticleAction.APPROVE, user), a.allows(ArticleAction.RETURN, user),
					a.allows(ArticleAction.RECOMMEND, user), a.allows(ArticleAction.PUBLISH, user),
					a.allows(ArticleAction.UNPUBLISH, user));
		}

		public boolean any() {
			return approve || returnToUnit || recommend || publish || unpublish;
		}

	}

	// ------------------------------------------------------------------ the unit's own articles and the editor

	@GetMapping("/articles")
	@PreAuthorize("hasAuthority('article:submit')")
	String mine(@RequestParam(required = false) ArticleStatus status, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ListPage p = new ListPage(page, PAGE_SIZE);
		page(model, articles.list(user,
				new ArticleQuery(ArticleQuery.View.MINE, status, null, null, null, p.offset(), p.limit())), p, user);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ArticleStatus.values());
		return "article/mine";
	}

	@GetMapping("/articles/new")
	@PreAuthorize("hasAuthority('article:submit')")
	String newArticle(@RequestParam(required = false) Long campaign, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		ArticleForm form = ArticleForm.empty();
		if (campaign != null) {
			form = new ArticleForm("", "", "", "", "", "", campaign.toString(), "", List.of(), "0");
		}
		return editor(model, user, form, null, List.of());
	}

	@PostMapping("/articles")
	@PreAuthorize("hasAuthority('article:submit')")
	String create(ArticleForm form, @RequestParam(name = "images", required = false) List<MultipartFile> images,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes flash) {
		Article saved;
		try {
			saved = articles.create(user, input(form), UploadedFile.all(images));
		}
		catch (InvalidInputException ex) {
			return editor(model, user, form, null, ex.errors());
		}
		return afterSave(saved, action, user, model, flash);
	}

	@GetMapping("/articles/{id}/edit")
	@PreAuthorize("hasAuthority('article:submit')")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Article article = articles.get(user, id);
		if (!Actions.of(article, user).edit()) {
			return "redirect:/articles/" + id;
		}
		return editor(model, user, ArticleForm.of(article), article, List.of());
	}

	@PostMapping("/articles/{id}")
	@PreAuthorize("hasAuthority('article:submit')")
	String update(@PathVariable long id, ArticleForm form,
			@RequestParam(name = "images", required = false) List<MultipartFile> images,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes flash) {
		Article saved;
		try {
			saved = articles.update(user, id, input(form), UploadedFile.all(images));
		}
		catch (InvalidInputException ex) {
			return editor(model, user, form, articles.get(user, id), ex.errors());
		}
		return afterSave(saved, action, user, model, flash);
	}

	private String afterSave(Article saved, String action, CurrentUser user, Model model, RedirectAttributes flash) {
		if (!"submit".equals(action)) {
			flash.addFlashAttribute("flash", "article.editor.saved");
			return "redirect:/articles/" + saved.id() + "/edit";
		}
		try {
			articles.submit(user, saved.id());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("flash", "article.editor.saved-not-submitted");
			return editor(model, user, ArticleForm.of(saved), saved, ex.errors());
		}
		flash.addFlashAttribute("flash", "article.detail.submitted");
		return "redirect:/articles/" + saved.id();
	}

	/** The live 附件2 check panel (htmx). */
	@PostMapping("/articles/check")
	@PreAuthorize("hasAuthority('article:submit')")
	String check(ArticleForm form, @RequestParam(required = false) Long articleId,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("report", articles.check(user, form.toCheckInput(), form.newImageCount(), articleId));
		return "article/editor :: check-panel";
	}

	/** The activities of a campaign in the user's subtree, as options (htmx). */
	@GetMapping("/articles/activities")
	@PreAuthorize("hasAuthority('article:submit')")
	String activityOptions(@RequestParam(required = false) String campaignId,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("activities", activitiesOf(user, campaignId));
		model.addAttribute("form", ArticleForm.empty());
		return "article/editor :: activity-options";
	}

	private String editor(Model model, CurrentUser user, ArticleForm form, Article article, List<FieldError> errors) {
		model.addAttribute("form", form.sanitized());
		model.addAttribute("article", article);
		model.addAttribute("returned", article == null || article.status() != ArticleStatus.RETURNED ? null
				: articles.history(user, article.id())
					.stream()
					.filter(e -> e.step() == ArticleStep.RETURN)
					.reduce((first, second) -> second)
					.orElse(null));
		model.addAttribute("campaigns", campaigns.list(user.scope(), 0, 200));
		model.addAttribute("activities", activitiesOf(user, form.campaignId()));
		model.addAttribute("errors", errors);
		model.addAttribute("report", articles.check(user, form.toCheckInput(), 0, article == null ? null : article.id()));
		model.addAttribute("lengthMin", articles.lengthMin());
		model.addAttribute("lengthMax", articles.lengthMax());
		model.addAttribute("imageMaxCount", articles.imageMaxCount());
		model.addAttribute("imageMaxSize", articles.imageMaxBytes() / (1024 * 1024));
		return "article/editor";
	}

	private List<Activity> activitiesOf(CurrentUser user, String campaignId) {
		if (campaignId == null || campaignId.isBlank()) {
			return List.of();
		}
		try {
			long id = Long.parseLong(campaignId.strip());
			if (campaigns.find(user.scope(), id).isEmpty()) {
				return List.of();
			}
			return activities.list(user.scope(), id, user.region(), 0, 200);
		}
		catch (NumberFormatException ex) {
			return List.of();
		}
	}

	private static ArticleInput input(ArticleForm form) {
		List<FieldError> errors = new ArrayList<>();
		ArticleInput input = form.toInput(errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return input;
	}

	// ------------------------------------------------------------------ detail and review steps

	@GetMapping("/articles/{id}")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(id, user, model, List.of());
	}

	private String detail(long id, CurrentUser user, Model model, List<FieldError> errors) {
		Article article = articles.get(user, id);
		model.addAttribute("article", article);
		model.addAttribute("campaign", article.campaignId() == null ? null
				: campaigns.find(user.scope(), article.campaignId()).orElse(null));
		model.addAttribute("activity", article.activityId() == null ? null
				: activities.find(user.scope(), article.activityId()).orElse(null));
		model.addAttribute("history", articles.history(user, id));
		model.addAttribute("actions", Actions.of(article, user));
		model.addAttribute("deletable", article.allows(ArticleAction.DELETE, user));
		model.addAttribute("report", article.status().isEditable() ? articles.check(user, id) : null);
		model.addAttribute("errors", errors);
		return "article/detail";
	}

	@PostMapping("/articles/{id}/{step:submit|approve|return|recommend|publish|unpublish}")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		try {
			if ("submit".equals(step)) {
				articles.submit(user, id);
			}
			else {
				articles.review(user, id, ArticleAction.ofPath(step), comment);
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("comment", comment);
			return detail(id, user, model, ex.errors());
		}
		flash.addFlashAttribute("flash", "article.detail." + step + "-done");
		return "redirect:/articles/" + id;
	}

	/** Asks the author to confirm the deletion of a draft or returned article. */
	@GetMapping("/articles/{id}/delete")
	@PreAuthorize("hasAuthority('article:submit')")
	String confirmDelete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Article article = articles.get(user, id);
		if (!article.allows(ArticleAction.DELETE, user)) {
			throw BusinessException.conflict("article.error.not-deletable");
		}
		model.addAttribute("article", article);
		return "article/delete";
	}

	@PostMapping("/articles/{id}/delete")
	@PreAuthorize("hasAuthority('article:submit')")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
		articles.delete(user, id);
		flash.addFlashAttribute("flash", "article.delete.done");
		return "redirect:/articles";
	}

	@GetMapping("/articles/{id}/images/{imageId}")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long imageId,
			@AuthenticationPrincipal CurrentUser user) {
		return Uploads.response(articles.image(user, id, imageId),
				CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate());
	}

	// ------------------------------------------------------------------ review queue, all articles, counts

	@GetMapping("/articles/review")
	@PreAuthorize("hasAnyAuthority('article:review', 'article:publish')")
	String review(@RequestParam(defaultValue = "REVIEW") ArticleQuery.View view,
			@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean published, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ArticleQuery.View v = view == ArticleQuery.View.MINE ? ArticleQuery.View.REVIEW : view;
		ListPage p = new ListPage(page, PAGE_SIZE);
		page(model, articles.list(user, new ArticleQuery(v, status, region, null, published, p.offset(), p.limit())),
				p, user);
		model.addAttribute("view", v);
		model.addAttribute("status", status);
		model.addAttribute("region", region == null ? "" : region);
		model.addAttribute("published", published);
		model.addAttribute("statuses", List.of(ArticleStatus.SUBMITTED, ArticleStatus.RETURNED, ArticleStatus.APPROVED));
		return "article/review";
	}

	@GetMapping("/articles/counts")
	@PreAuthorize("hasAnyAuthority('article:review', 'stats:view')")
	String counts(@RequestParam(required = false) String region, @RequestParam(required = false) Long campaign,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var counts = tallies.counts(user, region, campaign);
		List<Region> path = new ArrayList<>();
		for (Region r : regions.path(counts.region())) {
			if (user.scope().covers(r.code())) {
				path.add(r);
			}
		}
		model.addAttribute("counts", counts);
		model.addAttribute("path", path);
		model.addAttribute("campaign", campaign);
		model.addAttribute("campaigns", campaigns.list(user.scope(), 0, 200));
		model.addAttribute("drillable", counts.region().level() != RegionLevel.VILLAGE);
		return "article/counts";
	}

	private void page(Model model, List<Article> rows, ListPage page, CurrentUser user) {
		List<Article> shown = page.show(model, "articles", rows);
		Map<Long, String> names = new HashMap<>();
		for (Article a : shown) {
			if (a.campaignId() != null && !names.containsKey(a.campaignId())) {
				names.put(a.campaignId(),
						campaigns.find(user.scope(), a.campaignId()).map(Campaign::name).orElse(""));
			}
		}
		model.addAttribute("campaignNames", names);
	}

}
