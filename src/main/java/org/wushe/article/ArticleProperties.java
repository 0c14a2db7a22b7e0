package org.wushe.article;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.wushe.shared.upload.FileType;
import org.wushe.shared.upload.UploadRules;

/**
 * The 附件2 rules that a province may tune ({@code wushe.article.*}).
 *
 * @param lengthMin fewer characters (without whitespace) than this gives a warning; default 400
 * @param lengthMax more characters than this gives a warning; default 800
 * @param imageMaxSize largest image accepted; default 5 MB
 * @param imageMaxCount most images per article; default 9
 */
@ConfigurationProperties("wushe.article")
record ArticleProperties(Integer lengthMin, Integer lengthMax, DataSize imageMaxSize, Integer imageMaxCount) {

	ArticleProperties {
		lengthMin = lengthMin == null ? 400 : lengthMin;
		lengthMax = lengthMax == null ? 800 : lengthMax;
		imageMaxSize = imageMaxSize == null ? DataSize.ofMegabytes(5) : imageMaxSize;
		imageMaxCount = imageMaxCount == null ? 9 : imageMaxCount;
		if (lengthMin < 0 || lengthMax < lengthMin || imageMaxCount < 1 || imageMaxSize.toBytes() < 1) {
			throw new IllegalArgumentException("wushe.article: length range or image limits out of order");
		}
	}

	/** Decoded images larger than this are refused as unreadable (a small file can unpack to gigabytes). */
	static final long IMAGE_MAX_PIXELS = 40_000_000L;

	/**
	 * The checks of uploaded images (JPEG, PNG or WebP by their bytes, size, number, pixels; stripped of their
	 * metadata), reporting on the field {@code images} with the keys {@code article.error.image-*}.
	 */
	UploadRules imageRules() {
		return new UploadRules("images", "article.error.image", FileType.IMAGES, imageMaxSize, imageMaxCount,
				IMAGE_MAX_PIXELS);
	}

	static ArticleProperties defaults() {
		return new ArticleProperties(null, null, null, null);
	}

}
