package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Uploaded images lose EXIF (with GPS), text chunks and XMP before they are stored; JPEGs stand upright. */
class ImageCleanerTests {

	@Test
	void aJpegLosesItsExifGpsBlockAndIsTurnedAsItsOrientationSays() throws IOException {
		byte[] photo = ExifJpegs.withGps(40, 20, 6);
		assertThat(ExifJpegs.contains(photo, ExifJpegs.EXIF)).isTrue();
		assertThat(ImageCleaner.orientation(photo)).isEqualTo(6);

		byte[] clean = ImageCleaner.clean(ImageType.JPEG, photo).orElseThrow();

		assertThat(ImageType.detect(clean)).contains(ImageType.JPEG);
		assertThat(ExifJpegs.contains(clean, ExifJpegs.EXIF)).isFalse();
		assertThat(app1Segments(clean)).isZero();
		assertThat(ImageCleaner.orientation(clean)).isEqualTo(1);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean));
		// turned 90° clockwise: 20 wide, 40 high, the red corner now top right
		assertThat(image.getWidth()).isEqualTo(20);
		assertThat(image.getHeight()).isEqualTo(40);
		assertThat(isRed(image.getRGB(15, 4))).isTrue();
		assertThat(isRed(image.getRGB(4, 4))).isFalse();
		assertThat(isRed(image.getRGB(15, 35))).isFalse();
	}

	@Test
	void everyOrientationPutsTheRedCornerWhereTheCameraSawIt() throws IOException {
		// where the red square (top left as stored) ends up: [orientation] -> x, y of a pixel inside it
		int[][] expected = { null, { 4, 4 }, { 35, 4 }, { 35, 15 }, { 4, 15 }, { 4, 4 }, { 15, 4 }, { 15, 35 },
				{ 4, 35 } };
		for (int o = 1; o <= 8; o++) {
			byte[] clean = ImageCleaner.clean(ImageType.JPEG, ExifJpegs.withGps(40, 20, o)).orElseThrow();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean));
			assertThat(image.getWidth()).as("width, orientation %d", o).isEqualTo(o >= 5 ? 20 : 40);
			assertThat(isRed(image.getRGB(expected[o][0], expected[o][1]))).as("red corner, orientation %d", o)
				.isTrue();
		}
	}

	@Test
	void aPngLosesItsTextChunks() throws IOException {
		BufferedImage image = new BufferedImage(12, 8, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(3, 3, Color.BLUE.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		byte[] png = withChunk(out.toByteArray(), "tEXt", "GPSLatitude\u000040.446");
		assertThat(ExifJpegs.contains(png, ascii("GPSLatitude"))).isTrue();

		byte[] clean = ImageCleaner.clean(ImageType.PNG, png).orElseThrow();

		assertThat(ExifJpegs.contains(clean, ascii("GPSLatitude"))).isFalse();
		assertThat(ExifJpegs.contains(clean, ascii("tEXt"))).isFalse();
		BufferedImage back = ImageIO.read(new ByteArrayInputStream(clean));
		assertThat(back.getWidth()).isEqualTo(12);
		assertThat(back.getRGB(3, 3)).isEqualTo(Color.BLUE.getRGB());
		assertThat(back.getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void aWebpLosesItsExifAndXmpChunksAndItsFlags() {
		byte[] webp = webp();
		byte[] clean = ImageCleaner.clean(ImageType.WEBP, webp).orElseThrow();

		assertThat(ImageType.detect(clean)).contains(ImageType.WEBP);
		assertThat(ExifJpegs.contains(clean, ascii("EXIF"))).isFalse();
		assertThat(ExifJpegs.contains(clean, ascii("XMP "))).isFalse();
		assertThat(ExifJpegs.contains(clean, ascii("VP8L"))).isTrue();
		assertThat(clean[20] & 0x0c).isZero();
		assertThat(ByteBuffer.wrap(clean, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(clean.length - 8);
	}

	@Test
	void unreadablePixelsAreRefused() {
		byte[] junk = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3, 4, 5 };
		assertThat(ImageCleaner.clean(ImageType.JPEG, junk)).isEmpty();
	}

	private static int app1Segments(byte[] jpeg) {
		int n = 0;
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) != 0xda) {
			if ((jpeg[i + 1] & 0xff) == 0xe1) {
				n++;
			}
			i += 2 + ImageCleaner.u16(jpeg, i + 2, false);
		}
		return n;
	}

	private static boolean isRed(int rgb) {
		Color c = new Color(rgb);
		return c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** The PNG with one more chunk before IEND (the last 12 bytes). */
	private static byte[] withChunk(byte[] png, String type, String data) {
		byte[] t = ascii(type);
		byte[] d = ascii(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(d);
		ByteBuffer chunk = ByteBuffer.allocate(12 + d.length);
		chunk.putInt(d.length).put(t).put(d).putInt((int) crc.getValue());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, png.length - 12);
		out.writeBytes(chunk.array());
		out.write(png, png.length - 12, 12);
		return out.toByteArray();
	}

	/** RIFF/WEBP with VP8X (EXIF and XMP flags set), an odd-sized EXIF chunk, XMP and a stand-in VP8L chunk. */
	private static byte[] webp() {
		ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
		b.put(ascii("RIFF")).putInt(0).put(ascii("WEBP"));
		b.put(ascii("VP8X")).putInt(10).put((byte) 0x0c).put(new byte[] { 0, 0, 0, 7, 0, 0, 5, 0, 0 });
		b.put(ascii("EXIF")).putInt(7).put(ascii("GPS40.4")).put((byte) 0);
		b.put(ascii("XMP ")).putInt(4).put(ascii("<x/>"));
		b.put(ascii("VP8L")).putInt(6).put(new byte[] { 0x2f, 7, 0, 0, 0, 0 });
		int size = b.position();
		b.putInt(4, size - 8);
		byte[] out = new byte[size];
		System.arraycopy(b.array(), 0, out, 0, size);
		return out;
	}

}
