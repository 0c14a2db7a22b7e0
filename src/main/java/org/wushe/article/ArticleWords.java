package org.wushe.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.shared.TextInput;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionLevel;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The banned-word and wrong-word lists. They hold for every article of the installation, so only an administrator
 * of the whole installation (permission {@code region:admin} on a province or the country) changes them; reviewers
 * read them. Every change bumps a revision in the same transaction; {@link #matcher()} rebuilds the automata when it
 * sees a new revision, on every server.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ArticleWords {

	static final String ENTITY = "article-word";

	static final int MAX_WORD = 50;

	static final int MAX_NOTE = 200;

	/** Texts typed into the word lists, in their own words. */
	private static final TextInput TEXT = new TextInput("article.error.required", "article.words.error.too-long");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private volatile WordMatcher matcher;

	/** Whether the user may change the lists. */
	public static boolean canManage(CurrentUser user) {
		return user != null && user.can(Permissions.REGION_ADMIN)
				&& !user.region().level().isBelow(RegionLevel.PROVINCE);
	}

	public List<BannedWord> banned() {
		return jdbc.sql("SELECT id, word, note, created_at, created_by FROM article_banned_word ORDER BY word")
			.query(BannedWord.class)
			.list();
	}

	public List<WrongWord> wrong() {
		return jdbc.sql("""
				SELECT id, wrong, suggestion, exceptions, note, created_at, created_by
				FROM article_wrong_word ORDER BY wrong
				""")
			.query((rs, n) -> new WrongWord(rs.getLong("id"), rs.getString("wrong"), rs.getString("suggestion"),
					phrases(rs.getString("exceptions")), rs.getString("note"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	@Transactional
	public BannedWord addBanned(CurrentUser user, String word, String note) {
		requireManager(user);
		List<FieldError> errors = new ArrayList<>();
		String w = word(word, "word", errors);
		String n = TEXT.read(note, "note", MAX_NOTE, false, errors);
		if (w != null && banned().stream().anyMatch(b -> sameKey(b.word(), w))) {
			errors.add(new FieldError("word", "article.words.error.duplicate", w));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = Instant.now(clock);
		long id = added(user, "banned", now, jdbc
			.sql("INSERT INTO article_banned_word (word, note, created_at, created_by) VALUES (:w, :n, :at, :by)")
			.param("w", w)
			.param("n", n));
		return new BannedWord(id, w, n, now, user.getUsername());
	}

	@Transactional
	public WrongWord addWrong(CurrentUser user, String wrong, String suggestion, String exceptions, String note) {
		requireManager(user);
		List<FieldError> errors = new ArrayList<>();
		String w = word(wrong, "wrong", errors);
		String s = word(suggestion, "suggestion", errors);
		if (w != null && s != null && sameKey(w, s)) {
			errors.add(new FieldError("suggestion", "article.words.error.same"));
		}
		List<String> except = phrases(exceptions);
		for (String phrase : except) {
			if (phrase.length() > MAX_WORD) {
				errors.add(new FieldError("exceptions", "article.words.error.too-long", MAX_WORD));
			}
			else if (w != null && !WordAutomaton.normalize(phrase).contains(WordAutomaton.normalize(w))) {
				errors.add(new FieldError("exceptions", "article.words.error.exception-without-word", phrase, w));
			}
		}
		if (String.join("、", except).length() > 500) {
			errors.add(new FieldError("exceptions", "article.words.error.too-long", 500));
		}
		String n = TEXT.read(note, "note", MAX_NOTE, false, errors);
		if (w != null && wrong().stream().anyMatch(x -> sameKey(x.wrong(), w))) {
			errors.add(new FieldError("wrong", "article.words.error.duplicate", w));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = Instant.now(clock);
		long id = added(user, "wrong", now, jdbc.sql("""
				INSERT INTO article_wrong_word (wrong, suggestion, exceptions, note, created_at, created_by)
				VALUES (:w, :s, :e, :n, :at, :by)
				""")
			.param("w", w)
			.param("s", s)
			.param("e", except.isEmpty() ? null : String.join("、", except))
			.param("n", n));
		return new WrongWord(id, w, s, except, n, now, user.getUsername());
	}

	@Transactional
	public void removeBanned(CurrentUser user, long id) {
		remove(user, "banned", id);
	}

	@Transactional
	public void removeWrong(CurrentUser user, long id) {
		remove(user, "wrong", id);
	}

	/** Stores a new entry of a list ({@code banned} or {@code wrong}), stamped and audited; answers its id. */
	private long added(CurrentUser user, String list, Instant now, JdbcClient.StatementSpec insert) {
		KeyHolder keys = new GeneratedKeyHolder();
		insert.param("at", Timestamp.from(now)).param("by", user.getUsername()).update(keys, "id");
		long id = keys.getKey().longValue();
		changed();
		audit.record("article.word.add", ENTITY, list + ":" + id, user.region());
		return id;
	}

	/** Removes an entry of a list ({@code banned} or {@code wrong}); 404 when there is none. */
	private void remove(CurrentUser user, String list, long id) {
		requireManager(user);
		if (jdbc.sql("DELETE FROM article_" + list + "_word WHERE id = :id").param("id", id).update() == 0) {
			throw BusinessException.notFound("article.words.error.unknown", String.valueOf(id));
		}
		changed();
		audit.record("article.word.remove", ENTITY, list + ":" + id, user.region());
	}

	/** The automata for the lists as they are now; rebuilt only when the lists changed since the last call. */
	WordMatcher matcher() {
		long revision = jdbc.sql("SELECT revision FROM article_word_revision WHERE id = 1").query(Long.class).single();
		WordMatcher current = matcher;
		if (current != null && current.revision() == revision) {
			return current;
		}
		synchronized (this) {
			if (matcher == null || matcher.revision() != revision) {
				matcher = new WordMatcher(revision, banned(), wrong());
			}
			return matcher;
		}
	}

	private void changed() {
		jdbc.sql("UPDATE article_word_revision SET revision = revision + 1 WHERE id = 1").update();
	}

	private static void requireManager(CurrentUser user) {
		if (!canManage(user)) {
			throw BusinessException.forbidden("article.words.error.forbidden");
		}
	}

	private static boolean sameKey(String a, String b) {
		return WordAutomaton.normalize(a).equals(WordAutomaton.normalize(b));
	}

	private static String word(String value, String field, List<FieldError> errors) {
		String s = value == null ? "" : value.strip();
		if (s.isEmpty()) {
			errors.add(new FieldError(field, "article.error.required"));
			return null;
		}
		if (s.length() > MAX_WORD) {
			errors.add(new FieldError(field, "article.words.error.too-long", MAX_WORD));
			return null;
		}
		if (WordAutomaton.normalize(s).isEmpty()) {
			errors.add(new FieldError(field, "article.words.error.only-fillers"));
			return null;
		}
		return s;
	}
	/** Exception phrases as typed: separated by commas, 、, semicolons or lines. */
	static List<String> phrases(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<String> result = new LinkedHashSet<>();
		Arrays.stream(text.split("[,，、;；\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(result::add);
		return List.copyOf(result);
	}

}
