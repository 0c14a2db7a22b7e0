package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadedFileTests {

	@Test
	void fileNamesLoseTheirPathAndControlCharacters() {
		assertThat(new UploadedFile("C:\\Users\\张三\\照片.jpg", null).displayName("x")).isEqualTo("照片.jpg");
		assertThat(new UploadedFile("../../etc/passwd\u0000.png", null).displayName("x")).isEqualTo("passwd.png");
		assertThat(new UploadedFile("  ", null).displayName("image-3")).isEqualTo("image-3");
		assertThat(new UploadedFile(null, null).displayName("image-3")).isEqualTo("image-3");
		assertThat(new UploadedFile("x".repeat(300) + ".png", null).displayName("x")).hasSize(100).endsWith(".png");
	}

	@Test
	void sizesReadAsBytesKilobytesOrMegabytes() {
		assertThat(UploadedFile.readable(1023)).isEqualTo("1023 B");
		assertThat(UploadedFile.readable(1536)).isEqualTo("1.5 KB");
		assertThat(UploadedFile.readable(5L * 1024 * 1024)).isEqualTo("5.0 MB");
	}

}
