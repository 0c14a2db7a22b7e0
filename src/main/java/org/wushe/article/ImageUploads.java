package org.wushe.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.wushe.shared.FieldError;

/**
 * Checks uploaded images before anything is stored: the type from the bytes (JPEG, PNG or WebP, whatever the file is
 * called), the size of each, and the number the article will have; what passes is stripped of its metadata (EXIF
 * with the GPS position and the like, see {@link ImageCleaner}). Every problem becomes an error on the field
 * {@code images} naming the file.
 */
final class ImageUploads {

	static final int MAX_FILE_NAME = 100;

	private ImageUploads() {
	}

	/** An upload that passed the checks, with the type read from its bytes. */
	record Checked(String fileName, ImageType type, byte[] bytes) {
	}

	/**
	 * The uploads that pass; errors for the others are added to {@code errors}. Empty file inputs (no file chosen)
	 * are ignored.
	 *
	 * @param keep how many images the article keeps of those it has
	 */
	static List<Checked> check(List<Upload> uploads, int keep, ArticleProperties rules, List<FieldError> errors) {
		List<Checked> result = new ArrayList<>();
		int n = 0;
		for (Upload u : uploads == null ? List.<Upload>of() : uploads) {
			n++;
			String name = fileName(u.fileName(), n);
			if (u.isEmpty()) {
				if (u.fileName() != null && !u.fileName().isBlank()) {
					errors.add(new FieldError("images", "article.error.image-empty", name));
				}
				continue;
			}
			Optional<ImageType> type = ImageType.detect(u.bytes());
			if (type.isEmpty()) {
				errors.add(new FieldError("images", "article.error.image-type", name));
			}
			else if (u.bytes().length > rules.imageMaxSize().toBytes()) {
				errors.add(new FieldError("images", "article.error.image-too-large", name, megabytes(u.bytes().length),
						megabytes(rules.imageMaxSize().toBytes())));
			}
			else {
				Optional<byte[]> clean = ImageCleaner.clean(type.get(), u.bytes());
				if (clean.isEmpty()) {
					errors.add(new FieldError("images", "article.error.image-unreadable", name));
				}
				else {
					result.add(new Checked(name, type.get(), clean.get()));
				}
			}
		}
		int total = keep + result.size();
		if (total > rules.imageMaxCount()) {
			errors.add(new FieldError("images", "article.error.image-too-many", rules.imageMaxCount(), total));
		}
		return result;
	}

	/** The name to show for an upload: no path, no control characters, not too long. */
	static String fileName(String name, int n) {
		String s = name == null ? "" : name;
		s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
		s = s.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (s.length() > MAX_FILE_NAME) {
			s = s.substring(s.length() - MAX_FILE_NAME);
		}
		return s.isEmpty() ? "image-" + n : s;
	}

	/** A size as people read it: bytes, KB or MB. */
	static String megabytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
