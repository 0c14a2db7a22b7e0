package org.wushe.shared.upload;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The orientation a camera records in a JPEG's EXIF block (tag 0x0112), read before the block is dropped and applied
 * to the pixels, so that a photo taken upright stays upright without its metadata.
 */
final class ExifOrientation {

	private static final int TAG = 0x0112;

	private ExifOrientation() {
	}

	/** The orientation (1–8) of a JPEG, or 1 when it records none or cannot be read. */
	static int of(byte[] jpeg) {
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
			int marker = jpeg[at + 1] & 0xff;
			if (marker == 0xda || marker == 0xd9) {
				break;
			}
			int length = (jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff);
			if (length < 2 || at + 2 + length > jpeg.length) {
				break;
			}
			if (marker == 0xe1 && length > 8 && jpeg[at + 4] == 'E' && jpeg[at + 5] == 'x' && jpeg[at + 6] == 'i'
					&& jpeg[at + 7] == 'f') {
				return fromTiff(jpeg, at + 10, at + 2 + length);
			}
			at += 2 + length;
		}
		return 1;
	}

	private static int fromTiff(byte[] b, int start, int end) {
		if (start + 8 > end) {
			return 1;
		}
		boolean little = b[start] == 'I' && b[start + 1] == 'I';
		if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
			return 1;
		}
		long ifd = start + int32(b, start + 4, little);
		if (ifd + 2 > end) {
			return 1;
		}
		int count = int16(b, (int) ifd, little);
		for (int i = 0; i < count; i++) {
			int entry = (int) ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (int16(b, entry, little) == TAG) {
				int value = int16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** The image turned and mirrored as the orientation says. */
	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
			case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
			case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
			case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
			case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
			case 7 -> t.setTransform(0, -1, -1, 0, h, w);
			default -> t.setTransform(0, -1, 1, 0, 0, w);
		}
		int kind = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, kind);
		Graphics2D g = turned.createGraphics();
		try {
			g.drawImage(image, t, null);
		}
		finally {
			g.dispose();
		}
		return turned;
	}

	private static int int16(byte[] b, int at, boolean little) {
		return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
	}

	private static long int32(byte[] b, int at, boolean little) {
		long v = little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (long) (b[at + 3] & 0xff) << 24
				: (long) (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
		return v;
	}

}
