package org.wushe.article;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Removes what a camera or phone writes into an image besides the pixels (EXIF with the GPS position, XMP, IPTC,
 * comments, text chunks) before the image is stored. JPEG and PNG are decoded and encoded again with
 * {@code javax.imageio}, which writes no metadata; a JPEG's EXIF orientation is applied to the pixels first, so that
 * the picture stands as it was taken. WebP, which {@code javax.imageio} cannot decode, keeps its pixels and loses its
 * EXIF and XMP chunks.
 */
final class ImageCleaner {

	/** Decoded images larger than this are refused (a small file can unpack to gigabytes). */
	static final long MAX_PIXELS = 40_000_000L;

	static final float JPEG_QUALITY = 0.92f;

	private ImageCleaner() {
	}

	/** The image without metadata, or empty when its pixels cannot be read. */
	static Optional<byte[]> clean(ImageType type, byte[] bytes) {
		try {
			return switch (type) {
				case JPEG -> reencode(bytes, "jpeg", orientation(bytes));
				case PNG -> reencode(bytes, "png", 1);
				case WEBP -> WebpChunks.withoutMetadata(bytes);
			};
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<byte[]> reencode(byte[] bytes, String format, int orientation) throws IOException {
		BufferedImage image = decode(bytes);
		if (image == null) {
			return Optional.empty();
		}
		boolean alpha = "png".equals(format) && image.getColorModel().hasAlpha();
		BufferedImage upright = orient(image, orientation, alpha);
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
		if (!writers.hasNext()) {
			return Optional.empty();
		}
		ImageWriter writer = writers.next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if ("jpeg".equals(format)) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
			}
			writer.write(null, new IIOImage(upright, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return Optional.of(out.toByteArray());
	}

	/** The pixels, after checking the size announced in the header; {@code null} when no reader can decode them. */
	private static BufferedImage decode(byte[] bytes) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					return null;
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
	}

	/** The image turned as EXIF orientation {@code o} (1–8) says, on an RGB (or ARGB) canvas. */
	static BufferedImage orient(BufferedImage src, int o, boolean alpha) {
		int w = src.getWidth();
		int h = src.getHeight();
		boolean swap = o >= 5 && o <= 8;
		AffineTransform t = switch (o) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
			default -> new AffineTransform();
		};
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.drawImage(src, t, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/** The EXIF orientation of a JPEG (1 = as stored), read from its APP1 segment; 1 when there is none. */
	static int orientation(byte[] jpeg) {
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
			int marker = jpeg[i + 1] & 0xff;
			if (marker == 0xda || marker == 0xd9) {
				break;
			}
			int length = u16(jpeg, i + 2, false);
			int data = i + 4;
			if (marker == 0xe1 && length >= 8 && data + 6 <= jpeg.length && jpeg[data] == 'E' && jpeg[data + 1] == 'x'
					&& jpeg[data + 2] == 'i' && jpeg[data + 3] == 'f') {
				return tiffOrientation(jpeg, data + 6, Math.min(jpeg.length, i + 2 + length));
			}
			i += 2 + length;
		}
		return 1;
	}

	private static int tiffOrientation(byte[] b, int tiff, int end) {
		if (tiff + 8 > end) {
			return 1;
		}
		boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
		long ifd = u32(b, tiff + 4, little);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 1;
		}
		int at = (int) (tiff + ifd);
		int entries = u16(b, at, little);
		for (int e = 0; e < entries; e++) {
			int entry = at + 2 + e * 12;
			if (entry + 12 > end) {
				break;
			}
			if (u16(b, entry, little) == 0x0112) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	static int u16(byte[] b, int at, boolean little) {
		int x = b[at] & 0xff;
		int y = b[at + 1] & 0xff;
		return little ? y << 8 | x : x << 8 | y;
	}

	static long u32(byte[] b, int at, boolean little) {
		long v = 0;
		for (int k = 0; k < 4; k++) {
			int shift = little ? 8 * k : 8 * (3 - k);
			v |= (long) (b[at + k] & 0xff) << shift;
		}
		return v;
	}

	/** WebP is a RIFF container: the chunks {@code EXIF} and {@code XMP } go, the VP8X flags follow. */
	static final class WebpChunks {

		private static final int EXIF_FLAG = 0x08;

		private static final int XMP_FLAG = 0x04;

		private WebpChunks() {
		}

		static Optional<byte[]> withoutMetadata(byte[] bytes) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
			out.write(bytes, 0, 12);
			int i = 12;
			while (i + 8 <= bytes.length) {
				String id = new String(bytes, i, 4, java.nio.charset.StandardCharsets.US_ASCII);
				long size = u32(bytes, i + 4, true);
				long padded = size + (size & 1);
				if (i + 8 + size > bytes.length) {
					return Optional.empty();
				}
				int chunk = (int) Math.min(8 + padded, bytes.length - i);
				if (!"EXIF".equals(id) && !"XMP ".equals(id)) {
					byte[] copy = java.util.Arrays.copyOfRange(bytes, i, i + chunk);
					if ("VP8X".equals(id) && copy.length > 8) {
						copy[8] = (byte) (copy[8] & ~(EXIF_FLAG | XMP_FLAG));
					}
					out.write(copy, 0, copy.length);
				}
				i += chunk;
			}
			byte[] result = out.toByteArray();
			long riff = result.length - 8;
			for (int k = 0; k < 4; k++) {
				result[4 + k] = (byte) (riff >>> (8 * k));
			}
			return Optional.of(result);
		}

	}

}
