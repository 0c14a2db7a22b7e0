package org.wushe.charity.support;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.shared.NameInitials;
import org.wushe.region.RegionScope;

/** The filters of a charity list: region subtree (already in scope), text, kind, and the page window. */
public record CharityFilter(RegionScope scope, String text, String kind, int offset, int size) {

	public static final int MAX_SIZE = 500;

	public CharityFilter {
		text = text == null ? "" : text.strip();
		kind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
		offset = Math.max(offset, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	public String namePattern() {
		return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public String initialsPattern() {
		String q = NameInitials.query(text);
		return q.isEmpty() ? "" : "%" + q + "%";
	}

	/**
	 * Binds what every charity list query filters by: the scope's code range ({@code :from}, {@code :to}) and the
	 * name search ({@code :text}, {@code :pattern}, {@code :initials}).
	 */
	public JdbcClient.StatementSpec bindSearch(JdbcClient.StatementSpec spec) {
		return spec.param("from", scope.from())
			.param("to", scope.to())
			.param("text", text)
			.param("pattern", namePattern())
			.param("initials", initialsPattern());
	}

	/** Binds {@code :limit} and {@code :offset} for this page, one row more to tell whether another page follows. */
	public JdbcClient.StatementSpec bindPage(JdbcClient.StatementSpec spec) {
		return spec.param("limit", size + 1).param("offset", offset);
	}

	/** Binds {@code :limit} and {@code :offset} for every matching row, for exports. */
	public static JdbcClient.StatementSpec bindAll(JdbcClient.StatementSpec spec) {
		return spec.param("limit", Integer.MAX_VALUE).param("offset", 0);
	}

	public int page() {
		return offset / size;
	}

}
