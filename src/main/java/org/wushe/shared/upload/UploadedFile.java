package org.wushe.shared.upload;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;
import org.wushe.shared.InvalidInputException;

/**
 * A file as a user sent it, before any check: the name the browser gave (shown, never trusted) and the bytes.
 */
public record UploadedFile(String fileName, byte[] bytes) {

	static final int MAX_NAME = 100;

	public static UploadedFile of(MultipartFile part) {
		try {
			return new UploadedFile(part.getOriginalFilename(), part.getBytes());
		}
		catch (IOException ex) {
			throw InvalidInputException.of("file", "error.upload-invalid");
		}
	}

	/** The parts of a multipart field; none when the field is missing. */
	public static List<UploadedFile> all(List<MultipartFile> parts) {
		return parts == null ? List.of() : parts.stream().map(UploadedFile::of).toList();
	}

	public boolean isEmpty() {
		return bytes == null || bytes.length == 0;
	}

	public int size() {
		return bytes == null ? 0 : bytes.length;
	}

	/** The name to show and store: no path, no control characters, at most 100 characters; {@code fallback} if none. */
	public String displayName(String fallback) {
		String s = fileName == null ? "" : fileName;
		s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
		s = s.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (s.length() > MAX_NAME) {
			s = s.substring(s.length() - MAX_NAME);
		}
		return s.isEmpty() ? fallback : s;
	}

	/** A size as people read it: bytes, KB or MB. */
	public static String readable(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
