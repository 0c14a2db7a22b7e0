package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WordAutomatonTests {

	static WordAutomaton<String> of(String... words) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String w : words) {
			entries.put(w, w);
		}
		return WordAutomaton.of(entries);
	}

	static List<String> found(WordAutomaton<String> automaton, String text) {
		return automaton.find(text).stream().map(h -> h.found() + "@" + h.start() + "=" + h.entry()).toList();
	}

	@Test
	void findsEveryOccurrenceIncludingOverlappingAndNestedWords() {
		WordAutomaton<String> a = of("he", "she", "his", "hers");
		assertThat(found(a, "ushers")).containsExactly("she@1=she", "he@2=he", "hers@2=hers");
		WordAutomaton<String> b = of("社工", "社工站", "工站");
		assertThat(found(b, "到社工站去")).containsExactly("社工@1=社工", "社工站@1=社工站", "工站@2=工站");
	}

	@Test
	void findsRepeatedWordsAtEveryPlace() {
		assertThat(found(of("部份"), "部份部份，部份")).containsExactly("部份@0=部份", "部份@2=部份", "部份@5=部份");
	}

	@Test
	void foldsCaseAndFullWidthForms() {
		WordAutomaton<String> a = of("ABC");
		assertThat(found(a, "xAbCx ａｂｃ")).containsExactly("AbC@1=ABC", "ａｂｃ@6=ABC");
	}

	@Test
	void skipsSpacesAndFillersInsideAWordAndReportsItAsWritten() {
		WordAutomaton<String> a = of("残废");
		assertThat(found(a, "他说残 废和残*废、残\u3000废")).containsExactly("残 废@2=残废", "残*废@6=残废", "残\u3000废@10=残废");
	}

	@Test
	void aLineBreakEndsEveryWord() {
		assertThat(found(of("按装"), "按\n装")).isEmpty();
		assertThat(found(of("按装"), "按\r\n装按装")).containsExactly("按装@4=按装");
	}

	@Test
	void offsetsCountCharactersOutsideTheBasicPlaneCorrectly() {
		WordAutomaton<String> a = of("\uD840\uDC00字");
		List<WordAutomaton.Hit<String>> hits = a.find("😀 \uD840\uDC00字");
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.start()).isEqualTo(3);
			assertThat(h.end()).isEqualTo(6);
			assertThat(h.found()).isEqualTo("\uD840\uDC00字");
		});
	}

	@Test
	void anEmptyListFindsNothingAndBlankWordsAreLeftOut() {
		assertThat(found(of(), "任何文字")).isEmpty();
		assertThat(found(of(" ", "**"), "任何 ** 文字")).isEmpty();
		assertThat(found(of("a"), null)).isEmpty();
	}

	@Test
	void aLongListDoesNotMissWordsSharingPrefixesAndSuffixes() {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < 5000; i++) {
			entries.put("词" + i + "语", "w" + i);
		}
		WordAutomaton<String> a = WordAutomaton.of(entries);
		List<WordAutomaton.Hit<String>> hits = a.find("前词1语后词4999语词49语词12345语");
		assertThat(hits).extracting(WordAutomaton.Hit::entry).containsExactly("w1", "w4999", "w49");
	}

	@Test
	void normalisingDropsFillersAndFolds() {
		assertThat(WordAutomaton.normalize(" Ａ-b 残*废 ")).isEqualTo("ab残废");
	}

}
