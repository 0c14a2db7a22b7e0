package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.wushe.shared.FieldError;

class ImageTypeTests {

	static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };

	static final byte[] WEBP = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };

	/** Real pictures, for the checks that also decode the pixels. */
	static final byte[] REAL_JPEG = ExifJpegs.jpeg(40, 20);

	static final byte[] REAL_PNG = ArticleFixtures.png();

	final ArticleProperties rules = ArticleProperties.defaults();

	@Test
	void recognisesJpegPngAndWebpByTheirFirstBytes() {
		assertThat(ImageType.detect(JPEG)).contains(ImageType.JPEG);
		assertThat(ImageType.detect(PNG)).contains(ImageType.PNG);
		assertThat(ImageType.detect(WEBP)).contains(ImageType.WEBP);
	}

	@Test
	void refusesOtherFormatsAndTruncatedSignatures() {
		assertThat(ImageType.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageType.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageType.detect(Arrays.copyOf(PNG, 7))).isEmpty();
		assertThat(ImageType.detect(new byte[] { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E' })).isEmpty();
		assertThat(ImageType.detect(new byte[0])).isEmpty();
		assertThat(ImageType.detect(null)).isEmpty();
	}

	@Test
	void aPngThatIsReallyTextIsRefusedWithAChineseMessageNamingTheFieldAndFile() {
		List<FieldError> errors = new ArrayList<>();
		List<ImageUploads.Checked> ok = ImageUploads.check(
				List.of(new Upload("活动照片.png", "这不是图片".getBytes(StandardCharsets.UTF_8))), 0, rules, errors);
		assertThat(ok).isEmpty();
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("images");
			assertThat(Bundles.field(e))
				.isEqualTo("图片：文件“活动照片.png”不是 JPEG、PNG 或 WebP 图片（按文件内容判断，与扩展名无关）");
		});
	}

	@Test
	void aJpegCalledTxtIsTakenAsJpeg() {
		List<FieldError> errors = new ArrayList<>();
		List<ImageUploads.Checked> ok = ImageUploads.check(List.of(new Upload("notes.txt", REAL_JPEG)), 0, rules,
				errors);
		assertThat(errors).isEmpty();
		assertThat(ok).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(ImageType.JPEG));
	}

	@Test
	void aJpegSignatureWithoutReadablePixelsIsRefused() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(ImageUploads.check(List.of(new Upload("坏图.jpg", JPEG)), 0, rules, errors)).isEmpty();
		assertThat(errors).extracting(Bundles::field)
			.containsExactly("图片：无法读取图片“坏图.jpg”的内容（文件损坏或尺寸过大），请换一张图片");
	}

	@Test
	void anOversizeImageIsRefusedNamingItsSizeAndTheLimit() {
		byte[] big = Arrays.copyOf(PNG, (int) DataSize.ofMegabytes(5).toBytes() + 1);
		byte[] atLimit = Arrays.copyOf(REAL_JPEG, (int) DataSize.ofMegabytes(5).toBytes());
		List<FieldError> errors = new ArrayList<>();
		List<ImageUploads.Checked> ok = ImageUploads.check(List.of(new Upload("大图.png", big),
				new Upload("刚好.jpg", atLimit)), 0, rules, errors);
		assertThat(ok).extracting(ImageUploads.Checked::fileName).containsExactly("刚好.jpg");
		assertThat(errors).singleElement()
			.satisfies(e -> assertThat(Bundles.field(e)).isEqualTo("图片：图片“大图.png”大小为 5.0 MB，超过每张 5.0 MB 的上限"));
	}

	@Test
	void theLimitsComeFromTheProperties() {
		int limit = REAL_JPEG.length;
		ArticleProperties small = new ArticleProperties(null, null, DataSize.ofBytes(limit), 2);
		List<FieldError> errors = new ArrayList<>();
		ImageUploads.check(List.of(new Upload("a.png", Arrays.copyOf(REAL_PNG, limit + 4)), new Upload("b.jpg", REAL_JPEG)),
				2, small, errors);
		assertThat(errors).extracting(Bundles::field)
			.containsExactly("图片：图片“a.png”大小为 " + ImageUploads.megabytes(limit + 4) + "，超过每张 "
					+ ImageUploads.megabytes(limit) + " 的上限", "图片：最多只能有 2 张图片（保存后将有 3 张）");
	}

	@Test
	void moreThanNineImagesAreRefused() {
		List<Upload> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add(new Upload("p" + i + ".jpg", REAL_JPEG));
		}
		List<FieldError> errors = new ArrayList<>();
		ImageUploads.check(ten, 0, rules, errors);
		assertThat(errors).extracting(Bundles::field).containsExactly("图片：最多只能有 9 张图片（保存后将有 10 张）");
		errors.clear();
		ImageUploads.check(ten.subList(0, 4), 5, rules, errors);
		assertThat(errors).isEmpty();
	}

	@Test
	void emptyFileInputsAreIgnoredButEmptyFilesAreNot() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(ImageUploads.check(List.of(new Upload("", new byte[0]), new Upload(null, null)), 0, rules, errors))
			.isEmpty();
		assertThat(errors).isEmpty();
		ImageUploads.check(List.of(new Upload("空.jpg", new byte[0])), 0, rules, errors);
		assertThat(errors).extracting(Bundles::field).containsExactly("图片：图片“空.jpg”是空文件");
	}

	@Test
	void fileNamesLoseTheirPathAndControlCharacters() {
		assertThat(ImageUploads.fileName("C:\\Users\\张三\\照片.jpg", 1)).isEqualTo("照片.jpg");
		assertThat(ImageUploads.fileName("../../etc/passwd\u0000.png", 1)).isEqualTo("passwd.png");
		assertThat(ImageUploads.fileName("  ", 3)).isEqualTo("image-3");
		assertThat(ImageUploads.fileName("x".repeat(300) + ".png", 1)).hasSize(100).endsWith(".png");
	}

}
