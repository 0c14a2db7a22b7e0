package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.wushe.support.IntegrationTest;

/** A message that wraps a sentence ending in a full stop shows one full stop, not two. */
@IntegrationTest
class SentenceEndsTests {

	@Autowired
	MessageSource messages;

	@Test
	void theReturnBannerEndsItsReasonWithOneFullStop() {
		String zh = messages.getMessage("article.editor.returned", new Object[] { "新城区民政局", "请补充照片。" },
				Locale.SIMPLIFIED_CHINESE);
		assertThat(zh).contains("请补充照片。修改后").doesNotContain("。。");
		String question = messages.getMessage("article.editor.returned", new Object[] { "新城区民政局", "人数对吗？" },
				Locale.SIMPLIFIED_CHINESE);
		assertThat(question).contains("人数对吗？修改后");
		String en = messages.getMessage("article.editor.returned", new Object[] { "Xincheng", "Add photos." },
				Locale.ENGLISH);
		assertThat(en).contains("Add photos. Change it").doesNotContain("..");
		// a reason without a full stop gets the message's own
		assertThat(messages.getMessage("article.editor.returned", new Object[] { "新城区民政局", "请补充照片" },
				Locale.SIMPLIFIED_CHINESE)).contains("请补充照片。修改后");
	}

	@Test
	void ellipsesAndSingleStopsStay() {
		assertThat(SentenceEnds.collapse("等等……。")).isEqualTo("等等……。");
		assertThat(SentenceEnds.collapse("Wait... then.")).isEqualTo("Wait... then.");
		assertThat(SentenceEnds.collapse("好。好！。对？。")).isEqualTo("好。好！对？");
		assertThat(SentenceEnds.collapse("Done.. Yes!.")).isEqualTo("Done. Yes!");
	}

}
