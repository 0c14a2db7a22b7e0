package org.wushe.article;

import java.util.Optional;

/**
 * The image formats an article may carry, recognised by their first bytes (magic numbers), never by the file name
 * or the type the browser claims.
 */
public enum ImageType {

	JPEG("image/jpeg", "jpg"),

	PNG("image/png", "png"),

	WEBP("image/webp", "webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String mediaType;

	private final String extension;

	ImageType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/** The format of {@code bytes}, or empty when they are none of JPEG, PNG and WebP. */
	public static Optional<ImageType> detect(byte[] bytes) {
		if (bytes == null) {
			return Optional.empty();
		}
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, PNG_SIGNATURE, 0)) {
			return Optional.of(PNG);
		}
		if (bytes.length >= 12 && startsWith(bytes, new byte[] { 'R', 'I', 'F', 'F' }, 0)
				&& startsWith(bytes, new byte[] { 'W', 'E', 'B', 'P' }, 8)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	/** The type stored with an image. */
	public static Optional<ImageType> ofMediaType(String mediaType) {
		for (ImageType t : values()) {
			if (t.mediaType.equals(mediaType)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
		if (bytes.length < at + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
