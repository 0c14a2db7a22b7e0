package org.wushe.article;

/**
 * An uploaded image file before it is checked: the name the browser sent (only shown, never trusted) and the bytes.
 */
public record Upload(String fileName, byte[] bytes) {

	public boolean isEmpty() {
		return bytes == null || bytes.length == 0;
	}

}
