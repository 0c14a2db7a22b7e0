package org.wushe.shared.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.util.unit.DataSize;
import org.wushe.shared.FieldError;

/**
 * What uploads a field accepts, and the check that applies it before anything is stored: not empty, not too large,
 * no Office macros (where Office files are accepted at all), a type read from the bytes, photos decodable (and then
 * cleaned of their metadata), not too many in all. Each problem becomes an error on {@code field} naming the file,
 * with the message key {@code keyPrefix} + {@code -empty}, {@code -too-large}, {@code -macro}, {@code -type},
 * {@code -unreadable} or {@code -too-many}.
 *
 * @param maxPixels photos with more pixels are refused as unreadable (default {@link CleanImage#MAX_PIXELS})
 */
public record UploadRules(String field, String keyPrefix, List<FileType> accepted, DataSize maxSize, int maxCount,
		long maxPixels) {

	public UploadRules(String field, String keyPrefix, List<FileType> accepted, DataSize maxSize, int maxCount) {
		this(field, keyPrefix, accepted, maxSize, maxCount, CleanImage.MAX_PIXELS);
	}

	/** A file that passed: its shown name, its type, and its bytes (a photo's cleaned, with a thumbnail). */
	public record Accepted(String fileName, FileType type, byte[] bytes, byte[] thumbnail) {
	}

	/** The limit of one file as people read it ("5.0 MB"). */
	public String maxSizeText() {
		return UploadedFile.readable(maxSize.toBytes());
	}

	/**
	 * The uploads that pass, given {@code existing} files already stored; an error for each other one is added to
	 * {@code errors}. Empty file inputs (no file chosen) are skipped.
	 */
	public List<Accepted> check(List<UploadedFile> uploads, int existing, List<FieldError> errors) {
		List<Accepted> result = new ArrayList<>();
		boolean office = accepted.contains(FileType.DOCX) || accepted.contains(FileType.XLSX);
		int n = 0;
		for (UploadedFile u : uploads == null ? List.<UploadedFile>of() : uploads) {
			n++;
			String name = u.displayName("file-" + n);
			if (u.isEmpty()) {
				if (u.fileName() != null && !u.fileName().isBlank()) {
					errors.add(new FieldError(field, keyPrefix + "-empty", name));
				}
				continue;
			}
			if (u.size() > maxSize.toBytes()) {
				errors.add(new FieldError(field, keyPrefix + "-too-large", name, UploadedFile.readable(u.size()),
						maxSizeText()));
				continue;
			}
			if (office && FileType.hasMacros(u.fileName(), u.bytes())) {
				errors.add(new FieldError(field, keyPrefix + "-macro", name));
				continue;
			}
			Optional<FileType> type = FileType.detect(u.bytes()).filter(accepted::contains);
			if (type.isEmpty()) {
				errors.add(new FieldError(field, keyPrefix + "-type", name));
				continue;
			}
			if (!FileType.IMAGES.contains(type.get())) {
				result.add(new Accepted(name, type.get(), u.bytes(), null));
				continue;
			}
			Optional<CleanImage> clean = CleanImage.of(type.get(), u.bytes(), maxPixels);
			if (clean.isEmpty()) {
				errors.add(new FieldError(field, keyPrefix + "-unreadable", name));
			}
			else {
				result.add(new Accepted(name, type.get(), clean.get().bytes(), clean.get().thumbnail()));
			}
		}
		if (existing + result.size() > maxCount) {
			errors.add(new FieldError(field, keyPrefix + "-too-many", maxCount, existing + result.size()));
		}
		return result;
	}

}
