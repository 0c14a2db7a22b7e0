package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
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
import org.wushe.support.ExifJpegs;
import org.wushe.support.TestFiles;

/** Uploaded photos lose EXIF (with GPS), text chunks and XMP before they are stored; JPEGs stand upright. */
class CleanImageTests {

	/** 80 x 40: left half red, right half blue. */
	static byte[] redLeftBlueRight() throws IOException {
		BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, 40, 40);
		g.setColor(Color.BLUE);
		g.fillRect(40, 0, 40, 40);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	static BufferedImage cleaned(byte[] jpeg) throws IOException {
		byte[] clean = CleanImage.of(FileType.JPEG, jpeg).orElseThrow().bytes();
		assertThat(TestFiles.contains(clean, "Exif")).isFalse();
		return ImageIO.read(new ByteArrayInputStream(clean));
	}

	static boolean reddish(int rgb) {
		Color c = new Color(rgb);
		return c.getRed() > 180 && c.getBlue() < 80;
	}

	static boolean bluish(int rgb) {
		Color c = new Color(rgb);
		return c.getBlue() > 180 && c.getRed() < 80;
	}

	@Test
	void aPhotoTakenUprightStaysUprightWithoutItsExif() throws IOException {
		// orientation 6: the camera was turned clockwise; shown upright, the left (red) edge is at the top
		BufferedImage six = cleaned(TestFiles.jpegWithOrientation(redLeftBlueRight(), 6));
		assertThat(six.getWidth()).isEqualTo(40);
		assertThat(six.getHeight()).isEqualTo(80);
		assertThat(reddish(six.getRGB(20, 10))).isTrue();
		assertThat(bluish(six.getRGB(20, 70))).isTrue();
		// orientation 8: the other way round, red at the bottom
		BufferedImage eight = cleaned(TestFiles.jpegWithOrientation(redLeftBlueRight(), 8));
		assertThat(eight.getHeight()).isEqualTo(80);
		assertThat(bluish(eight.getRGB(20, 10))).isTrue();
		assertThat(reddish(eight.getRGB(20, 70))).isTrue();
		// orientation 3: upside down, red on the right
		BufferedImage three = cleaned(TestFiles.jpegWithOrientation(redLeftBlueRight(), 3));
		assertThat(three.getWidth()).isEqualTo(80);
		assertThat(bluish(three.getRGB(10, 20))).isTrue();
		assertThat(reddish(three.getRGB(70, 20))).isTrue();
		// no orientation: as it is
		BufferedImage plain = cleaned(redLeftBlueRight());
		assertThat(reddish(plain.getRGB(10, 20))).isTrue();
	}

	@Test
	void refusesWhatCannotBeDecoded() {
		byte[] truncated = java.util.Arrays.copyOf(TestFiles.image("png", 50, 50), 40);
		assertThat(CleanImage.of(FileType.PNG, truncated)).isEmpty();
		assertThat(CleanImage.of(FileType.JPEG, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 })).isEmpty();
	}

	@Test
	void aJpegLosesItsExifGpsBlockAndIsTurnedAsItsOrientationSays() throws IOException {
		byte[] photo = ExifJpegs.withGps(40, 20, 6);
		assertThat(ExifJpegs.contains(photo, ExifJpegs.EXIF)).isTrue();
		assertThat(ExifOrientation.of(photo)).isEqualTo(6);

		byte[] clean = CleanImage.of(FileType.JPEG, photo).orElseThrow().bytes();

		assertThat(FileType.detect(clean)).contains(FileType.JPEG);
		assertThat(ExifJpegs.contains(clean, ExifJpegs.EXIF)).isFalse();
		assertThat(app1Segments(clean)).isZero();
		assertThat(ExifOrientation.of(clean)).isEqualTo(1);
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
			byte[] clean = CleanImage.of(FileType.JPEG, ExifJpegs.withGps(40, 20, o)).orElseThrow().bytes();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean));
			assertThat(image.getWidth()).as("width, orientation %d", o).isEqualTo(o >= 5 ? 20 : 40);
			assertThat(isRed(image.getRGB(expected[o][0], expected[o][1]))).as("red corner, orientation %d", o)
				.isTrue();
		}
	}

	@Test
	void aPngLosesItsTextChunksAndKeepsItsAlpha() throws IOException {
		BufferedImage image = new BufferedImage(12, 8, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(3, 3, Color.BLUE.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		byte[] png = withChunk(out.toByteArray(), "tEXt", "GPSLatitude\u000040.446");
		assertThat(TestFiles.contains(png, "GPSLatitude")).isTrue();

		byte[] clean = CleanImage.of(FileType.PNG, png).orElseThrow().bytes();

		assertThat(TestFiles.contains(clean, "GPSLatitude")).isFalse();
		assertThat(TestFiles.contains(clean, "tEXt")).isFalse();
		BufferedImage back = ImageIO.read(new ByteArrayInputStream(clean));
		assertThat(back.getWidth()).isEqualTo(12);
		assertThat(back.getRGB(3, 3)).isEqualTo(Color.BLUE.getRGB());
		assertThat(back.getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void aWebpLosesItsExifAndXmpChunksAndItsFlags() {
		byte[] webp = webp();
		assertThat(FileType.detect(webp)).contains(FileType.WEBP);

		byte[] clean = CleanImage.of(FileType.WEBP, webp).orElseThrow().bytes();

		assertThat(FileType.detect(clean)).contains(FileType.WEBP);
		assertThat(TestFiles.contains(clean, "GPS40.4")).isFalse();
		assertThat(TestFiles.contains(clean, "EXIF")).isFalse();
		assertThat(TestFiles.contains(clean, "xmpmeta")).isFalse();
		assertThat(TestFiles.contains(clean, "XMP ")).isFalse();
		assertThat(TestFiles.contains(clean, "VP8L")).isTrue();
		assertThat(clean[20] & 0x0c).as("EXIF and XMP flags of VP8X").isZero();
		assertThat(ByteBuffer.wrap(clean, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(clean.length - 8);
	}

	@Test
	void refusesImagesWithMorePixelsThanTheLimit() {
		byte[] jpeg = ExifJpegs.jpeg(40, 20);
		assertThat(CleanImage.of(FileType.JPEG, jpeg, 40 * 20 - 1)).isEmpty();
		assertThat(CleanImage.of(FileType.JPEG, jpeg, 40 * 20)).isPresent();
	}

	private static int app1Segments(byte[] jpeg) {
		int n = 0;
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) != 0xda) {
			if ((jpeg[i + 1] & 0xff) == 0xe1) {
				n++;
			}
			i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
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
		b.put(ascii("XMP ")).putInt(12).put(ascii("<x:xmpmeta/>"));
		b.put(ascii("VP8L")).putInt(6).put(new byte[] { 0x2f, 7, 0, 0, 0, 0 });
		int size = b.position();
		b.putInt(4, size - 8);
		byte[] out = new byte[size];
		System.arraycopy(b.array(), 0, out, 0, size);
		return out;
	}

}
