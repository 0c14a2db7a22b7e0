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
 * {@code -unreadable} or {@code -too-many}, or {@code upload.image-too-large} for a photo of too many pixels.
 * <p>
 * A file keeps its shown name, but its extension always follows the detected type; a name that claims an
 * executable, script or markup type ({@code .bat}, {@code .hta}, {@code .exe}, {@code .svg}, {@code .html} …) is
 * refused whatever the bytes are.
 *
 * @param maxPixels photos with more pixels are refused before decoding (default {@link CleanImage#MAX_PIXELS})
 * @param budget the pixels decoded at once, shared by all uploads (a busy budget answers 503)
 */
public record UploadRules(String field, String keyPrefix, List<FileType> accepted, DataSize maxSize, int maxCount,
		long maxPixels, DecodingBudget budget) {

	public UploadRules(String field, String keyPrefix, List<FileType> accepted, DataSize maxSize, int maxCount) {
		this(field, keyPrefix, accepted, maxSize, maxCount, CleanImage.MAX_PIXELS);
	}

	public UploadRules(String field, String keyPrefix, List<FileType> accepted, DataSize maxSize, int maxCount,
			long maxPixels) {
		this(field, keyPrefix, accepted, maxSize, maxCount, maxPixels, DecodingBudget.SHARED);
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
			if (type.isEmpty() || FileType.isActiveContentName(name)) {
				errors.add(new FieldError(field, keyPrefix + "-type", name));
				continue;
			}
			if (!FileType.IMAGES.contains(type.get())) {
				result.add(new Accepted(type.get().nameFor(name), type.get(), u.bytes(), null));
				continue;
			}
			CleanImage.Outcome clean = CleanImage.clean(type.get(), u.bytes(), maxPixels, budget);
			if (clean.problem() == CleanImage.Problem.TOO_LARGE) {
				errors.add(new FieldError(field, "upload.image-too-large", name, clean.width(), clean.height(),
						Math.min(maxPixels, budget.maxPixels())));
			}
			else if (clean.image().isEmpty()) {
				errors.add(new FieldError(field, keyPrefix + "-unreadable", name));
			}
			else {
				result.add(new Accepted(type.get().nameFor(name), type.get(), clean.cleaned().bytes(),
						clean.cleaned().thumbnail()));
			}
		}
		if (existing + result.size() > maxCount) {
			errors.add(new FieldError(field, keyPrefix + "-too-many", maxCount, existing + result.size()));
		}
		return result;
	}

}
