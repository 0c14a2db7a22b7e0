package org.wushe.article.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.article.PublicArticles;
import org.wushe.campaign.Deadline;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.ListPage;

/**
 * The public page {@code /public/articles}: published articles for everyone, without login, filtered by region;
 * their images are served only while the article is published. Nothing else of an article is ever public.
 */
@Controller
@RequiredArgsConstructor
class PublicArticleController {

	private static final int PAGE_SIZE = 20;

	private final PublicArticles articles;

	@ModelAttribute("zone")
	ZoneId zone() {
		return Deadline.ZONE;
	}

	private final Regions regions;

	@GetMapping("/public/articles")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		RegionCode root = PublicArticles.region(region);
		Region current = regions.find(root)
			.orElseThrow(() -> BusinessException.notFound("region.error.unknown", root.value()));
		ListPage p = new ListPage(page, PAGE_SIZE);
		p.show(model, "articles", articles.published(root.value(), p.offset(), p.limit()));
		model.addAttribute("region", current);
		model.addAttribute("path", regions.isReady() ? regions.path(root) : List.of(current));
		model.addAttribute("children", regions.isReady() ? regions.children(root) : List.of());
		return "public/articles";
	}

	@GetMapping("/public/articles/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("article", articles.getPublished(id));
		return "public/article";
	}

	@GetMapping("/public/articles/{id}/images/{imageId}")
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long imageId) {
		return Uploads.response(articles.publishedImage(id, imageId),
				CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic());
	}

}
