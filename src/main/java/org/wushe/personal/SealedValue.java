package org.wushe.personal;

/**
 * A personal-data value as it is stored: AES-GCM ciphertext, the keyed search hash for exact matches, and the masked
 * form for display. The plain value is not part of it.
 */
public record SealedValue(String cipherText, String searchHash, String masked) {

	@Override
	public String toString() {
		return "SealedValue[" + masked + "]";
	}

}
