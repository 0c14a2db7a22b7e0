package org.wushe.article;

/** An image of an article, without its bytes. {@code contentType} is the type read from the bytes. */
public record ArticleImage(long id, int seq, String fileName, String contentType, int sizeBytes) {
}
