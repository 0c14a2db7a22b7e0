package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.wushe.shared.FieldError;
import org.wushe.shared.upload.FileType;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;
import org.wushe.support.ExifJpegs;

/** The article's image checks (shared upload rules with the article's limits and messages). */
class ArticleImageRulesTests {

	/** A JPEG signature without pixels behind it. */
	static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };

	/** Real pictures, for the checks that also decode the pixels. */
	static final byte[] REAL_JPEG = ExifJpegs.jpeg(40, 20);

	static final byte[] REAL_PNG = ArticleFixtures.png();

	final ArticleProperties rules = ArticleProperties.defaults();

	@Test
	void aPngThatIsReallyTextIsRefusedWithAChineseMessageNamingTheFieldAndFile() {
		List<FieldError> errors = new ArrayList<>();
		List<UploadRules.Accepted> ok = check(
				List.of(new UploadedFile("活动照片.png", "这不是图片".getBytes(StandardCharsets.UTF_8))), 0, rules, errors);
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
		List<UploadRules.Accepted> ok = check(List.of(new UploadedFile("notes.txt", REAL_JPEG)), 0, rules,
				errors);
		assertThat(errors).isEmpty();
		assertThat(ok).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(FileType.JPEG));
	}

	@Test
	void aJpegSignatureWithoutReadablePixelsIsRefused() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(check(List.of(new UploadedFile("坏图.jpg", JPEG)), 0, rules, errors)).isEmpty();
		assertThat(errors).extracting(Bundles::field)
			.containsExactly("图片：无法读取图片“坏图.jpg”的内容（文件损坏或尺寸过大），请换一张图片");
	}

	@Test
	void anOversizeImageIsRefusedNamingItsSizeAndTheLimit() {
		byte[] big = Arrays.copyOf(PNG, (int) DataSize.ofMegabytes(5).toBytes() + 1);
		byte[] atLimit = Arrays.copyOf(REAL_JPEG, (int) DataSize.ofMegabytes(5).toBytes());
		List<FieldError> errors = new ArrayList<>();
		List<UploadRules.Accepted> ok = check(List.of(new UploadedFile("大图.png", big),
				new UploadedFile("刚好.jpg", atLimit)), 0, rules, errors);
		assertThat(ok).extracting(UploadRules.Accepted::fileName).containsExactly("刚好.jpg");
		assertThat(errors).singleElement()
			.satisfies(e -> assertThat(Bundles.field(e)).isEqualTo("图片：图片“大图.png”大小为 5.0 MB，超过每张 5.0 MB 的上限"));
	}

	@Test
	void theLimitsComeFromTheProperties() {
		int limit = REAL_JPEG.length;
		ArticleProperties small = new ArticleProperties(null, null, DataSize.ofBytes(limit), 2);
		List<FieldError> errors = new ArrayList<>();
		check(List.of(new UploadedFile("a.png", Arrays.copyOf(REAL_PNG, limit + 4)), new UploadedFile("b.jpg", REAL_JPEG)),
				2, small, errors);
		assertThat(errors).extracting(Bundles::field)
			.containsExactly("图片：图片“a.png”大小为 " + UploadedFile.readable(limit + 4) + "，超过每张 "
					+ UploadedFile.readable(limit) + " 的上限", "图片：最多只能有 2 张图片（保存后将有 3 张）");
	}

	@Test
	void moreThanNineImagesAreRefused() {
		List<UploadedFile> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add(new UploadedFile("p" + i + ".jpg", REAL_JPEG));
		}
		List<FieldError> errors = new ArrayList<>();
		check(ten, 0, rules, errors);
		assertThat(errors).extracting(Bundles::field).containsExactly("图片：最多只能有 9 张图片（保存后将有 10 张）");
		errors.clear();
		check(ten.subList(0, 4), 5, rules, errors);
		assertThat(errors).isEmpty();
	}

	@Test
	void emptyFileInputsAreIgnoredButEmptyFilesAreNot() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(check(List.of(new UploadedFile("", new byte[0]), new UploadedFile(null, null)), 0, rules, errors))
			.isEmpty();
		assertThat(errors).isEmpty();
		check(List.of(new UploadedFile("空.jpg", new byte[0])), 0, rules, errors);
		assertThat(errors).extracting(Bundles::field).containsExactly("图片：图片“空.jpg”是空文件");
	}

	@Test
	void imagesOfMoreThanFortyMegapixelsAreRefusedAsTooLargeNotAsDamaged() {
		assertThat(rules.imageRules().maxPixels()).isEqualTo(40_000_000L);
		UploadRules tiny = new UploadRules("images", "article.error.image", FileType.IMAGES, DataSize.ofMegabytes(5), 9,
				40 * 20 - 1);
		List<FieldError> errors = new ArrayList<>();
		assertThat(tiny.check(List.of(new UploadedFile("宽图.jpg", REAL_JPEG)), 0, errors)).isEmpty();
		assertThat(errors).extracting(Bundles::field)
			.containsExactly("图片：图片“宽图.jpg”为 40×20 像素，超过每张 799 像素的上限；请缩小尺寸后再上传");
	}

	private static List<UploadRules.Accepted> check(List<UploadedFile> uploads, int keep, ArticleProperties rules,
			List<FieldError> errors) {
		return rules.imageRules().check(uploads, keep, errors);
	}

}
