package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameInitialsTests {

	@Test
	void takesTheFirstLetterOfEachSyllable() {
		assertThat(NameInitials.of("呼和浩特")).isEqualTo("hhht");
		// 区 is also read ōu (a surname): the common reading comes first
		assertThat(NameInitials.of("新城区 社工站 2")).startsWith("xcqsgz2 ");
		assertThat(NameInitials.of("ABC社工")).isEqualTo("abcsg");
		assertThat(NameInitials.of("")).isEmpty();
	}

	@Test
	void keepsBothReadingsOfPolyphones() {
		String initials = NameInitials.of("行业协会");
		assertThat(initials.split(" ")).contains("hyxh", "xyxh");
	}

	@Test
	void keepsEveryCharacterWhenVariantsRunOut() {
		String initials = NameInitials.of("行长重长行业");
		for (String variant : initials.split(" ")) {
			assertThat(variant).hasSize(6);
		}
		assertThat(initials.split(" ")).hasSizeLessThanOrEqualTo(NameInitials.MAX_VARIANTS);
	}

	@Test
	void normalisesQueries() {
		assertThat(NameInitials.query(" HH-HT ")).isEqualTo("hhht");
	}

	@Test
	void siteNamesAndQueries() {
		assertThat(NameInitials.of("海拉尔东路街道社工站")).isEqualTo("hledljdsgz");
		assertThat(NameInitials.of("赛罕区 2 号社工室")).startsWith("shq2hsgs");
		// 长 reads chang or zhang: both spellings are searchable
		assertThat(NameInitials.of("长海社区")).contains("chsq").contains("zhsq");
		assertThat(NameInitials.isInitials("hledl")).isTrue();
		assertThat(NameInitials.isInitials("海拉尔")).isFalse();
		assertThat(NameInitials.of("长".repeat(30)).length()).isLessThanOrEqualTo(NameInitials.MAX_LENGTH);
	}

}
