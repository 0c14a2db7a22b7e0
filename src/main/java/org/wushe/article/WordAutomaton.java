package org.wushe.article;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over a word list: one pass over a text finds every occurrence of every word, in time
 * linear in the text (plus the hits), however long the list. Matching folds full-width letters and digits to their
 * ASCII forms and ignores case, and it skips spaces and a few filler characters inside a word ({@code 残 废},
 * {@code 残*废}); a line break ends every word.
 *
 * @param <T> what each word stands for (a list entry)
 */
final class WordAutomaton<T> {

	/** Characters that may sit inside a word without breaking it. */
	private static final String FILLERS = "*_-·•.|/\\~";

	private final List<Map<Integer, Integer>> next = new ArrayList<>();

	private final List<T> outputs = new ArrayList<>();

	private final List<Integer> depths = new ArrayList<>();

	private int[] fail;

	private int[] dictionaryLink;

	private WordAutomaton() {
		addNode(0);
	}

	/** Builds the automaton; keys that are empty after normalising are left out. Later duplicates win. */
	static <T> WordAutomaton<T> of(Map<String, T> entries) {
		WordAutomaton<T> automaton = new WordAutomaton<>();
		entries.forEach(automaton::insert);
		automaton.link();
		return automaton;
	}

	/** One occurrence: the offsets in the text (end exclusive), the text as written, and the entry. */
	record Hit<T>(int start, int end, String found, T entry) {

		boolean within(Hit<?> other) {
			return start >= other.start && end <= other.end;
		}

	}

	/** The key as the automaton sees it: folded, without fillers. */
	static String normalize(String word) {
		StringBuilder sb = new StringBuilder();
		word.codePoints().filter(c -> !isSkipped(c) && !isBreak(c)).map(WordAutomaton::fold).forEach(sb::appendCodePoint);
		return sb.toString();
	}

	/** Every occurrence of every word, ordered by where it ends. */
	List<Hit<T>> find(String text) {
		List<Hit<T>> hits = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return hits;
		}
		int[] starts = new int[Math.min(text.length(), 1024)];
		int[] ends = new int[starts.length];
		int fed = 0;
		int state = 0;
		for (int offset = 0; offset < text.length();) {
			int cp = text.codePointAt(offset);
			int width = Character.charCount(cp);
			if (isBreak(cp)) {
				state = 0;
				offset += width;
				continue;
			}
			if (isSkipped(cp)) {
				offset += width;
				continue;
			}
			if (fed == starts.length) {
				starts = Arrays.copyOf(starts, fed * 2);
				ends = Arrays.copyOf(ends, fed * 2);
			}
			starts[fed] = offset;
			ends[fed] = offset + width;
			fed++;
			int c = fold(cp);
			while (state != 0 && !next.get(state).containsKey(c)) {
				state = fail[state];
			}
			state = next.get(state).getOrDefault(c, 0);
			int s = outputs.get(state) != null ? state : dictionaryLink[state];
			for (; s != 0; s = dictionaryLink[s]) {
				int from = starts[fed - depths.get(s)];
				int to = ends[fed - 1];
				hits.add(new Hit<>(from, to, text.substring(from, to), outputs.get(s)));
			}
			offset += width;
		}
		return hits;
	}

	private void insert(String word, T entry) {
		String key = normalize(word);
		if (key.isEmpty()) {
			return;
		}
		int node = 0;
		int depth = 0;
		for (int c : key.codePoints().toArray()) {
			depth++;
			Integer child = next.get(node).get(c);
			if (child == null) {
				child = addNode(depth);
				next.get(node).put(c, child);
			}
			node = child;
		}
		outputs.set(node, entry);
	}

	private int addNode(int depth) {
		next.add(new HashMap<>(4));
		outputs.add(null);
		depths.add(depth);
		return next.size() - 1;
	}

	/** Failure and dictionary links, breadth first. */
	private void link() {
		int size = next.size();
		fail = new int[size];
		dictionaryLink = new int[size];
		ArrayDeque<Integer> queue = new ArrayDeque<>(next.get(0).values());
		while (!queue.isEmpty()) {
			int node = queue.poll();
			for (Map.Entry<Integer, Integer> edge : next.get(node).entrySet()) {
				int c = edge.getKey();
				int child = edge.getValue();
				int f = fail[node];
				while (f != 0 && !next.get(f).containsKey(c)) {
					f = fail[f];
				}
				Integer target = node == 0 ? null : next.get(f).get(c);
				fail[child] = target == null ? 0 : target;
				dictionaryLink[child] = outputs.get(fail[child]) != null ? fail[child] : dictionaryLink[fail[child]];
				queue.add(child);
			}
		}
	}

	private static int fold(int c) {
		if (c >= 0xFF01 && c <= 0xFF5E) {
			c -= 0xFEE0;
		}
		return Character.toLowerCase(c);
	}

	private static boolean isBreak(int c) {
		return c == '\n' || c == '\r';
	}

	private static boolean isSkipped(int c) {
		return RichText.isBlank(c) && !isBreak(c) || FILLERS.indexOf(c) >= 0;
	}

}
