package org.wushe.shared.upload;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.http.HttpStatus;
import org.wushe.shared.BusinessException;

/**
 * A photo without its metadata (EXIF with GPS position, camera serials, XMP, comments), and a small copy for lists.
 * JPEG and PNG are decoded and encoded anew with {@code javax.imageio}, which writes the pixels only; a JPEG is first
 * turned upright as its EXIF orientation says, since that tag goes with the rest. The JDK has no
 * WebP codec: a WebP file keeps its image chunks and loses its {@code EXIF} and {@code XMP} chunks (and their flags),
 * and its thumbnail is the file itself.
 *
 * @param bytes the cleaned file, of the same type
 * @param thumbnail a copy at most {@link #THUMBNAIL_SIDE} pixels on its longer side, same type as {@code bytes}
 */
public record CleanImage(FileType type, byte[] bytes, byte[] thumbnail) {

	public static final int THUMBNAIL_SIDE = 320;

	/**
	 * Larger images are refused before they are decoded (their header gives the size), so that a tiny file cannot
	 * claim gigabytes of memory.
	 */
	public static final long MAX_PIXELS = 50_000_000L;

	/** The photo cleaned, or empty when it cannot be decoded (damaged, truncated, too many pixels, CMYK JPEG …). */
	public static Optional<CleanImage> of(FileType type, byte[] bytes) {
		return of(type, bytes, MAX_PIXELS);
	}

	/** As {@link #of(FileType, byte[])}, refusing images of more than {@code maxPixels} pixels. */
	public static Optional<CleanImage> of(FileType type, byte[] bytes, long maxPixels) {
		return clean(type, bytes, maxPixels, DecodingBudget.SHARED).image();
	}

	/** What cleaning gave: the image, or why there is none. */
	public enum Problem {

		/** Damaged, truncated, or a kind of image the codecs cannot read. */
		UNREADABLE,

		/** Its header announces more pixels than accepted; nothing was decoded. */
		TOO_LARGE

	}

	/**
	 * The cleaned image or its problem; the size its header announces (0 when unknown).
	 *
	 * @param cleaned the cleaned image, or null
	 * @param problem why there is none, or null
	 */
	public record Outcome(CleanImage cleaned, Problem problem, int width, int height) {

		public Optional<CleanImage> image() {
			return Optional.ofNullable(cleaned);
		}

		static Outcome failed(Problem problem, int width, int height) {
			return new Outcome(null, problem, width, height);
		}

	}

	/**
	 * Cleans the photo. Its size is read from the header first, and an image of more than {@code maxPixels} pixels
	 * is refused without being decoded; the others take their pixels from {@code budget} while they are decoded, and
	 * a busy budget throws a {@code 503} {@code upload.busy} (try again), never calls the image damaged.
	 */
	public static Outcome clean(FileType type, byte[] bytes, long maxPixels, DecodingBudget budget) {
		try {
			return switch (type) {
				case JPEG, PNG -> reencode(type, bytes, Math.min(maxPixels, budget.maxPixels()), budget);
				case WEBP -> WebpChunks.withoutMetadata(bytes)
					.map(b -> new Outcome(new CleanImage(type, b, b), null, 0, 0))
					.orElse(Outcome.failed(Problem.UNREADABLE, 0, 0));
				default -> Outcome.failed(Problem.UNREADABLE, 0, 0);
			};
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BusinessException busy) {
				throw busy;
			}
			return Outcome.failed(Problem.UNREADABLE, 0, 0);
		}
		catch (OutOfMemoryError ex) {
			throw new BusinessException(HttpStatus.SERVICE_UNAVAILABLE,
					"upload.busy");
		}
	}

	private static Outcome reencode(FileType type, byte[] bytes, long maxPixels, DecodingBudget budget)
			throws IOException {
		BufferedImage image;
		int width;
		int height;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Outcome.failed(Problem.UNREADABLE, 0, 0);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				width = reader.getWidth(0);
				height = reader.getHeight(0);
				long pixels = (long) width * height;
				if (pixels > maxPixels) {
					return Outcome.failed(Problem.TOO_LARGE, width, height);
				}
				try (DecodingBudget.Lease lease = budget.take(pixels)) {
					image = reader.read(0);
					if (image != null) {
						if (type == FileType.JPEG) {
							image = opaque(ExifOrientation.apply(image, ExifOrientation.of(bytes)));
						}
						return new Outcome(new CleanImage(type, encode(type, image), encode(type, scaled(image))),
								null, width, height);
					}
				}
			}
			finally {
				reader.dispose();
			}
		}
		return Outcome.failed(Problem.UNREADABLE, width, height);
	}

	private static BufferedImage opaque(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR
				|| image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			return image;
		}
		return redraw(image, image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
	}

	private static BufferedImage scaled(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int longer = Math.max(w, h);
		if (longer <= THUMBNAIL_SIDE) {
			return image;
		}
		int tw = Math.max(1, (int) Math.round((double) w * THUMBNAIL_SIDE / longer));
		int th = Math.max(1, (int) Math.round((double) h * THUMBNAIL_SIDE / longer));
		int kind = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		return redraw(image, tw, th, kind);
	}

	private static BufferedImage redraw(BufferedImage image, int width, int height, int kind) {
		BufferedImage copy = new BufferedImage(width, height, kind);
		Graphics2D g = copy.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			if (kind == BufferedImage.TYPE_INT_RGB) {
				g.setColor(java.awt.Color.WHITE);
				g.fillRect(0, 0, width, height);
			}
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return copy;
	}

	private static byte[] encode(FileType type, BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName(type == FileType.JPEG ? "jpeg" : "png").next();
		try (MemoryCacheImageOutputStream target = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(target);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (type == FileType.JPEG) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0.88f);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** The RIFF chunks of a WebP file. */
	static final class WebpChunks {

		private WebpChunks() {
		}

		static Optional<byte[]> withoutMetadata(byte[] bytes) {
			if (bytes.length < 20) {
				return Optional.empty();
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int at = 12;
			boolean image = false;
			while (at + 8 <= bytes.length) {
				String fourcc = new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
				long size = int32(bytes, at + 4) & 0xffffffffL;
				long next = at + 8 + size + (size & 1);
				if (at + 8 + size > bytes.length) {
					return Optional.empty();
				}
				int end = (int) Math.min(next, bytes.length);
				if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
					byte[] chunk = java.util.Arrays.copyOfRange(bytes, at, end);
					if (fourcc.equals("VP8X") && chunk.length > 8) {
						chunk[8] &= (byte) ~0x0c;
					}
					body.writeBytes(chunk);
					image |= fourcc.startsWith("VP8") || fourcc.equals("ANMF");
				}
				at = end;
			}
			if (!image) {
				return Optional.empty();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
			int riffSize = body.size() + 4;
			out.writeBytes(new byte[] { (byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16),
					(byte) (riffSize >> 24) });
			out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
			out.writeBytes(body.toByteArray());
			return Optional.of(out.toByteArray());
		}

		private static int int32(byte[] b, int at) {
			return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
		}

	}

}
