package org.wushe.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/**
 * JPEGs as a phone writes them: an APP1 segment with EXIF, holding the orientation and a GPS block (latitude
 * 40°26'46.14" N), in front of the pixels. The picture is white with a red square in its top-left corner.
 */
public final class ExifJpegs {

	public static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private ExifJpegs() {
	}

	public static byte[] withGps(int width, int height, int orientation) {
		return TestFiles.withExif(jpeg(width, height), tiff(orientation));
	}

	public static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, x < 10 && y < 10 ? Color.RED.getRGB() : Color.WHITE.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Big-endian TIFF: IFD0 (orientation, pointer to GPS IFD), the GPS IFD (latitude ref and latitude). */
	private static byte[] tiff(int orientation) {
		ByteBuffer b = ByteBuffer.allocate(92);
		b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		b.putShort((short) 2);
		b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		b.putInt(0);
		b.putShort((short) 2);
		b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
		b.putInt(0);
		b.putInt(40).putInt(1).putInt(26).putInt(1).putInt(4614).putInt(100);
		return b.array();
	}

	/** Whether {@code bytes} contain {@code part}. */
	public static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i + part.length <= bytes.length; i++) {
			for (int k = 0; k < part.length; k++) {
				if (bytes[i + k] != part[k]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
