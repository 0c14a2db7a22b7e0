package org.wushe.article.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.article.ArticleAction;
import org.wushe.article.ArticleInput;
import org.wushe.article.ArticleQuery;
import org.wushe.article.ArticleService;
import org.wushe.article.ArticleTallies;
import org.wushe.article.ArticleStatus;
import org.wushe.shared.Texts;
import org.wushe.shared.upload.UploadedFile;

/**
 * {@code /api/articles}: write, check and submit articles of one's unit; review, recommend and publish those of the
 * units below; lists, history, images and counts. Articles outside the scope answer 404.
 */
@RestController
@RequestMapping("/api/articles")
@RequiredArgsConstructor
class ArticleApi {

	private final ArticleService articles;

	private final Texts texts;

	private final ArticleTallies tallies;

	@GetMapping
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	List<ArticleView> list(@RequestParam(defaultValue = "ALL") ArticleQuery.View view,
			@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) String region,
			@RequestParam(required = false) Long campaign, @RequestParam(required = false) Boolean published,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return articles.list(user, new ArticleQuery(view, status, region, campaign, published, offset, size))
			.stream()
			.map(ArticleView::of)
			.toList();
	}

	/** A draft from JSON (images can be added later with a multipart {@code PUT}). */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('article:submit')")
	ArticleView create(@RequestBody ArticleInput input, @AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.create(user, input, List.of()));
	}

	/** A draft with its images: part {@code article} (JSON) and parts {@code images} (files), stored together. */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('article:submit')")
	ArticleView createWithImages(@RequestPart("article") ArticleInput input,
			@RequestPart(name = "images", required = false) List<MultipartFile> images,
			@AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.create(user, input, UploadedFile.all(images)));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('article:submit')")
	ArticleView update(@PathVariable long id, @RequestBody ArticleInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.update(user, id, input, List.of()));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('article:submit')")
	ArticleView updateWithImages(@PathVariable long id, @RequestPart("article") ArticleInput input,
			@RequestPart(name = "images", required = false) List<MultipartFile> images,
			@AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.update(user, id, input, UploadedFile.all(images)));
	}

	/** Deletes a draft or returned article of its author; 409 once it is submitted. */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('article:submit')")
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		articles.delete(user, id);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	ArticleView one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.get(user, id));
	}

	/** The 附件2 check of content not yet saved. */
	@PostMapping("/check")
	@PreAuthorize("hasAuthority('article:submit')")
	CheckView check(@RequestBody CheckRequest request, @AuthenticationPrincipal CurrentUser user) {
		return CheckView.of(articles.check(user, request.input(), request.newImageCount(), request.articleId()), texts);
	}

	/** The 附件2 check of a stored article. */
	@GetMapping("/{id}/check")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	CheckView checkStored(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return CheckView.of(articles.check(user, id), texts);
	}

	@PostMapping("/{id}/submit")
	@PreAuthorize("hasAuthority('article:submit')")
	ArticleView submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.submit(user, id));
	}

	/**
	 * A review step by the levels above: {@code approve}, {@code return} (needs a comment), {@code recommend} (with
	 * article:review), {@code publish} or {@code unpublish} (with article:publish); the body's comment is optional.
	 * Who may take it is checked on the endpoint and again in the service.
	 */
	@PostMapping("/{id}/{step:approve|return|recommend|publish|unpublish}")
	@PreAuthorize("hasAuthority(T(org.wushe.article.ArticleAction).ofPath(#step).permission())")
	ArticleView review(@PathVariable long id, @PathVariable String step,
			@RequestBody(required = false) ReviewRequest request, @AuthenticationPrincipal CurrentUser user) {
		return ArticleView.of(articles.review(user, id, ArticleAction.ofPath(step), comment(request)));
	}

	@GetMapping("/{id}/history")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	List<HistoryView> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return articles.history(user, id).stream().map(e -> HistoryView.of(e, texts)).toList();
	}

	@GetMapping("/{id}/images/{imageId}")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'article:publish')")
	ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long imageId,
			@AuthenticationPrincipal CurrentUser user) {
		return Uploads.response(articles.image(user, id, imageId),
				CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate());
	}

	/** Submitted, approved, recommended and published articles of the units inside a region, by child region. */
	@GetMapping("/counts")
	@PreAuthorize("hasAnyAuthority('article:review', 'stats:view')")
	CountsView counts(@RequestParam(required = false) String region, @RequestParam(required = false) Long campaign,
			@AuthenticationPrincipal CurrentUser user) {
		return CountsView.of(tallies.counts(user, region, campaign));
	}

	/** The rules in force. */
	@GetMapping("/rules")
	Map<String, Object> rules() {
		return Map.of("lengthMin", articles.lengthMin(), "lengthMax", articles.lengthMax(), "imageMaxCount",
				articles.imageMaxCount(), "imageMaxBytes", articles.imageMaxBytes(), "imageTypes",
				List.of("image/jpeg", "image/png", "image/webp"));
	}

	private static String comment(ReviewRequest request) {
		return request == null ? null : request.comment();
	}

}
