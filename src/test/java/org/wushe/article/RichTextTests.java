package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTests {

	@Test
	void keepsParagraphsEmphasisListsAndHeadings() {
		String html = "<h2>标题</h2><p>第一段<b>加粗</b><i>斜体</i><u>下划线</u><br>换行</p>"
				+ "<ul><li>一</li></ul><ol><li>二</li></ol><h3>三</h3><h4>四</h4><strong>强</strong><em>调</em>";
		assertThat(RichText.sanitize(html)).isEqualTo(html.replace("<br>", "<br />"));
	}

	@Test
	void stripsScriptsWithTheirContent() {
		String clean = RichText.sanitize("<p>社工站<script>alert('x')</script>开展活动</p><script src=\"/x.js\"></script>");
		assertThat(clean).isEqualTo("<p>社工站开展活动</p>").doesNotContain("script").doesNotContain("alert");
	}

	@Test
	void stripsEventHandlersStylesAndEveryAttribute() {
		String clean = RichText.sanitize("<p onclick=\"steal()\" style=\"color:red\" class=\"x\" id=\"y\">文字</p>"
				+ "<b onmouseover=\"steal()\">粗</b><img src=\"x\" onerror=\"steal()\">"
				+ "<svg onload=\"steal()\"><circle></circle></svg>");
		assertThat(clean).isEqualTo("<p>文字</p><b>粗</b>").doesNotContain("on").doesNotContain("style");
	}

	@Test
	void removesLinksOfEveryKindButKeepsTheirText() {
		String clean = RichText.sanitize("<p><a href=\"javascript:alert(1)\">点我</a>和<a href=\"https://example.org\">"
				+ "外链</a><iframe src=\"javascript:alert(1)\"></iframe></p>");
		assertThat(clean).isEqualTo("<p>点我和外链</p>").doesNotContainIgnoringCase("javascript");
	}

	@Test
	void dropsStyleElementsAndUnlistedHeadingsAndTurnsDivsIntoParagraphs() {
		assertThat(RichText.sanitize("<style>p{}</style><h1>大标题</h1><div>一行</div><div>二行</div>"))
			.isEqualTo("大标题<p>一行</p><p>二行</p>");
	}

	@Test
	void plainTextDecodesEntitiesAndBreaksBetweenBlocks() {
		String text = RichText.plainText(RichText.sanitize("<p>A&amp;B 1+1&lt;3</p><p>第二段</p><ul><li>甲</li><li>乙</li></ul>"));
		assertThat(text).isEqualTo("A&B 1+1<3\n第二段\n甲\n乙");
	}

	@Test
	void countsEveryCharacterButWhitespace() {
		assertThat(RichText.countWithoutWhitespace("社工 站\u3000服务\n\t站，好！")).isEqualTo(9);
		assertThat(RichText.countWithoutWhitespace("a\u00a0b\u200bc")).isEqualTo(3);
		assertThat(RichText.countWithoutWhitespace("  \n ")).isZero();
		assertThat(RichText.countWithoutWhitespace(null)).isZero();
		// a character outside the basic plane is one character
		assertThat(RichText.countWithoutWhitespace("\uD840\uDC00字")).isEqualTo(2);
	}

	@Test
	void countsTheTextOfTheBodyNotItsMarkup() {
		String body = RichText.sanitize("<p>社工站</p><p><b>开展</b> 活动</p>");
		assertThat(RichText.countWithoutWhitespace(RichText.plainText(body))).isEqualTo(7);
	}

}
