package org.wushe.article;

import java.time.Instant;

/** A banned or improper word (禁用词): an article that contains it cannot be submitted. */
public record BannedWord(long id, String word, String note, Instant createdAt, String createdBy) {
}
