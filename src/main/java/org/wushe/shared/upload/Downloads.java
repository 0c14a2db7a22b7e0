package org.wushe.shared.upload;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers with a stored file: its stored type (read from its bytes when it was uploaded), never sniffed by the
 * browser, kept in private caches only (it is region-scoped data).
 */
public final class Downloads {

	private Downloads() {
	}

	/** To show in the page (photos). */
	public static ResponseEntity<byte[]> inline(String fileName, String contentType, byte[] bytes) {
		return answer(ContentDisposition.inline(), fileName, contentType, bytes);
	}

	/** To save (attachments). */
	public static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] bytes) {
		return answer(ContentDisposition.attachment(), fileName, contentType, bytes);
	}

	/** The stored name with the extension of the stored type, also for files stored before names followed types. */
	static String servedName(String fileName, String contentType) {
		return FileType.ofMediaType(contentType).map(t -> t.nameFor(fileName)).orElse(fileName);
	}

	private static ResponseEntity<byte[]> answer(ContentDisposition.Builder disposition, String fileName,
			String contentType, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(servedName(fileName, contentType), StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
