package org.wushe.article;

import java.time.Instant;
import java.util.List;

/**
 * A common wrong word (错别字) with the right one. Phrases listed as exceptions contain the wrong word but are right
 * as a whole (既使 in 既使得), so no warning is given inside them.
 */
public record WrongWord(long id, String wrong, String suggestion, List<String> exceptions, String note,
		Instant createdAt, String createdBy) {

	public WrongWord {
		exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
	}

}
