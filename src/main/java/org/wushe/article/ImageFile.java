package org.wushe.article;

/** The bytes of one stored image, for serving it. */
public record ImageFile(String fileName, String contentType, byte[] bytes) {
}
