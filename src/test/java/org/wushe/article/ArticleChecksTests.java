package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ArticleChecksTests {

	static final ArticleProperties RULES = ArticleProperties.defaults();

	static final WordMatcher WORDS = new WordMatcher(1,
			List.of(banned("残废"), banned("弱智")),
			List.of(wrong("既使", "即使", List.of("既使得"), "表示假设让步用“即使”"), wrong("部份", "部分", List.of(), null),
					wrong("按装", "安装", List.of(), null), wrong("好象", "好像", List.of(), null)));

	static BannedWord banned(String word) {
		return new BannedWord(0, word, null, Instant.EPOCH, "test");
	}

	static WrongWord wrong(String wrong, String right, List<String> exceptions, String note) {
		return new WrongWord(0, wrong, right, exceptions, note, Instant.EPOCH, "test");
	}

	static ArticleChecks.Content content(String body) {
		return new ArticleChecks.Content("社工站开展关爱老人活动", body, true, "海拉尔东路社区", "辖区独居老人", "社工3名、志愿者12名",
				true, 1);
	}

	static CheckReport check(ArticleChecks.Content c) {
		return ArticleChecks.check(c, WORDS, RULES);
	}

	static String body(int characters) {
		return "社".repeat(characters);
	}

	@Test
	void aCompleteArticleOfAboutFiveHundredCharactersPasses() {
		CheckReport report = check(content(body(500)));
		assertThat(report.findings()).isEmpty();
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.textLength()).isEqualTo(500);
	}

	@Test
	void everyMissingElementIsAnErrorNamingItsField() {
		CheckReport report = check(new ArticleChecks.Content(" ", "", false, null, "\u3000", "", false, 0));
		assertThat(report.errors()).extracting(Bundles::finding)
			.containsExactly("标题：未填写（附件2 要求写明此要素）", "正文：未填写（附件2 要求写明此要素）", "时间：未填写（附件2 要求写明此要素）",
					"地点：未填写（附件2 要求写明此要素）", "服务对象：未填写（附件2 要求写明此要素）", "参与人员：未填写（附件2 要求写明此要素）",
					"主题宣传活动：未填写（附件2 要求写明此要素）", "图片：至少需要一张图片");
		assertThat(report.hasErrors()).isTrue();
	}

	@Test
	void aMissingImageAloneBlocks() {
		ArticleChecks.Content c = content(body(500));
		CheckReport report = check(new ArticleChecks.Content(c.title(), c.bodyText(), true, c.eventPlace(),
				c.serviceObjects(), c.attendees(), true, 0));
		assertThat(report.errors()).extracting(Finding::field).containsExactly("images");
	}

	@Test
	void lengthOutsideTheRangeIsAWarningWithTheCount() {
		CheckReport shortOne = check(content(body(399) + " \n\u3000"));
		assertThat(shortOne.hasErrors()).isFalse();
		assertThat(shortOne.warnings()).extracting(Bundles::finding)
			.containsExactly("正文：正文共 399 字（不计空白），少于建议的 400–800 字");
		assertThat(check(content(body(801))).warnings()).extracting(Bundles::finding)
			.containsExactly("正文：正文共 801 字（不计空白），多于建议的 400–800 字");
		assertThat(check(content(body(400))).findings()).isEmpty();
		assertThat(check(content(body(800))).findings()).isEmpty();
	}

	@Test
	void theRangeComesFromTheProperties() {
		ArticleProperties tight = new ArticleProperties(100, 200, null, null);
		assertThat(ArticleChecks.check(content(body(150)), WORDS, tight).findings()).isEmpty();
		assertThat(ArticleChecks.check(content(body(500)), WORDS, tight).warnings()).extracting(Bundles::finding)
			.containsExactly("正文：正文共 500 字（不计空白），多于建议的 100–200 字");
	}

	@Test
	void bannedWordsAreErrorsNamingTheFieldAndTheWordAsWritten() {
		ArticleChecks.Content c = content(body(480) + "不要叫他残 废，也不说弱智");
		CheckReport report = check(new ArticleChecks.Content("关于残废的说法", c.bodyText(), true, c.eventPlace(),
				c.serviceObjects(), c.attendees(), true, 1));
		assertThat(report.errors()).extracting(Bundles::finding)
			.containsExactly("标题：含有禁用词“残废”，须删除或改写后才能报送", "正文：含有禁用词“残 废”，须删除或改写后才能报送",
					"正文：含有禁用词“弱智”，须删除或改写后才能报送");
	}

	@Test
	void wrongWordsAreWarningsWithTheirSuggestionOncePerField() {
		CheckReport report = check(content(body(480) + "部份老人家里按装了扶手，部份还好象新的"));
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.warnings()).extracting(Bundles::finding)
			.containsExactly("正文：“部份”疑为错别字，建议改为“部分”", "正文：“按装”疑为错别字，建议改为“安装”",
					"正文：“好象”疑为错别字，建议改为“好像”");
	}

	@Test
	void aWrongWordCarriesItsNote() {
		CheckReport report = check(content(body(480) + "既使下雨也要去"));
		assertThat(report.warnings()).extracting(Bundles::finding)
			.containsExactly("正文：“既使”疑为错别字，建议改为“即使”（表示假设让步用“即使”）");
	}

	@Test
	void noWarningInsideAnExceptionPhrase() {
		assertThat(check(content(body(480) + "既使得老人安心，又使得家属放心")).findings()).isEmpty();
		assertThat(check(content(body(480) + "既使得老人安心；既使下雨")).warnings()).extracting(Finding::word)
			.containsExactly("既使");
	}

	@Test
	void wordsAreFoundInEveryTextField() {
		CheckReport report = check(new ArticleChecks.Content("标题", body(500), true, "部份社区", "弱智儿童", "按装工人",
				true, 1));
		assertThat(report.findings()).extracting(f -> f.field() + ":" + f.kind())
			.containsExactly("serviceObjects:BANNED", "eventPlace:WRONG_WORD", "attendees:WRONG_WORD");
	}

	@Property(tries = 200)
	void whitespaceNeverCountsTowardsTheLength(@ForAll @StringLength(max = 60) @CharRange(from = '一', to = '龥') String text,
			@ForAll @StringLength(max = 20) @Chars({ ' ', '\n', '\t', '\u3000', '\u00a0' }) String spaces) {
		StringBuilder mixed = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			mixed.append(text.charAt(i));
			if (i < spaces.length()) {
				mixed.append(spaces.charAt(i));
			}
		}
		assertThat(RichText.countWithoutWhitespace(mixed.toString())).isEqualTo(text.length());
	}

}
