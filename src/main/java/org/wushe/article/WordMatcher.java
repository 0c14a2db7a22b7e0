package org.wushe.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two word lists as automata, built once per revision of the lists: banned words, and wrong words together with
 * their exception phrases.
 */
final class WordMatcher {

	private final long revision;

	private final WordAutomaton<BannedWord> banned;

	private final WordAutomaton<Object> wrong;

	/** An exception phrase in the wrong-word automaton. */
	private record Allowed(String phrase) {
	}

	WordMatcher(long revision, List<BannedWord> bannedWords, List<WrongWord> wrongWords) {
		this.revision = revision;
		Map<String, BannedWord> b = new LinkedHashMap<>();
		bannedWords.forEach(w -> b.put(w.word(), w));
		this.banned = WordAutomaton.of(b);
		Map<String, Object> w = new LinkedHashMap<>();
		for (WrongWord word : wrongWords) {
			for (String phrase : word.exceptions()) {
				w.put(phrase, new Allowed(phrase));
			}
		}
		// a wrong word wins over an exception phrase with the same key
		wrongWords.forEach(word -> w.put(word.wrong(), word));
		this.wrong = WordAutomaton.of(w);
	}

	long revision() {
		return revision;
	}

	/** Banned words in the text, as written there. */
	List<WordAutomaton.Hit<BannedWord>> banned(String text) {
		return banned.find(text);
	}

	/** Wrong words in the text, except where they lie inside one of the exception phrases. */
	List<WordAutomaton.Hit<WrongWord>> wrong(String text) {
		List<WordAutomaton.Hit<Object>> hits = wrong.find(text);
		List<WordAutomaton.Hit<Object>> exceptions = hits.stream().filter(h -> h.entry() instanceof Allowed).toList();
		List<WordAutomaton.Hit<WrongWord>> result = new ArrayList<>();
		for (WordAutomaton.Hit<Object> hit : hits) {
			if (hit.entry() instanceof WrongWord word && exceptions.stream().noneMatch(hit::within)) {
				result.add(new WordAutomaton.Hit<>(hit.start(), hit.end(), hit.found(), word));
			}
		}
		return result;
	}

}
