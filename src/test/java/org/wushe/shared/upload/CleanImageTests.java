package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.wushe.support.TestFiles;

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

}
