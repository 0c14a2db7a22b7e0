package org.wushe.article.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.article.ImageFile;
import org.wushe.article.Upload;
import org.wushe.shared.BusinessException;

/** Turns multipart files into uploads, and stored images into responses. */
final class Uploads {

	private Uploads() {
	}

	static List<Upload> of(List<MultipartFile> files) {
		List<Upload> result = new ArrayList<>();
		if (files == null) {
			return result;
		}
		for (MultipartFile f : files) {
			try {
				result.add(new Upload(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException ex) {
				throw BusinessException.badRequest("error.upload-invalid");
			}
		}
		return result;
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
