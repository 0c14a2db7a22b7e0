package org.wushe.article;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wushe.access.RegionFilter;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * What the public page shows without login: published articles and their images, nothing else. An article taken off
 * the page (unpublished, or returned to its unit) answers 404 like one that never existed.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PublicArticles {

	private final Articles articles;

	/** The public pages see the whole country. */
	private static final RegionScope EVERYWHERE = new RegionScope(RegionCode.COUNTRY);

	/** The region a public list is filtered to, sent as {@code region}: everywhere when blank; 400 when malformed. */
	public static RegionCode region(String text) {
		return RegionFilter.read(EVERYWHERE, text, "region");
	}

	/** Published articles of the units inside {@code regionCode} (everywhere when blank), newest first. */
	public List<Article> published(String regionCode, int offset, int size) {
		RegionCode root = region(regionCode);
		return articles.published(root, Math.max(offset, 0), Math.min(Math.max(size, 1), 100));
	}

	/** A published article with its images; anything else answers 404. */
	public Article getPublished(long id) {
		return articles.findPublished(id)
			.orElseThrow(() -> BusinessException.notFound("article.error.unknown", String.valueOf(id)));
	}

	/** An image of a published article; anything else answers 404. */
	public ImageFile publishedImage(long id, long imageId) {
		getPublished(id);
		return articles.imageFile(id, imageId);
	}

}
