package org.wushe.article.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.wushe.article.ImageFile;

/** Turns stored images into responses. */
final class Uploads {

	private Uploads() {
	}

	static ResponseEntity<byte[]> response(ImageFile image, CacheControl cache) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(cache)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(image.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(image.bytes());
	}

}
