package org.wushe.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for single values: a random 96-bit IV per value, stored in front of the ciphertext and its 128-bit tag,
 * as {@code v1:<base64(iv || ciphertext || tag)>}. The field kind is bound as associated data, so a ciphertext moved
 * from one column to another does not decrypt. The search hash is HMAC-SHA256 of kind and value, in hex.
 * <p>
 * Shared by every module that keeps personal data (个人信息) at rest: the purpose names the field kind, e.g.
 * {@link #PHONE} or {@link #ID_NUMBER}; the same purpose gives the same search hash in every module.
 */
@Component
public final class FieldCipher {

	/** Prefix of every sealed value of this format. */
	public static final String PREFIX = "v1:";

	/** Purpose of phone numbers (手机号码/固定电话). */
	public static final String PHONE = "phone";

	/** Purpose of citizen ID numbers (公民身份号码). */
	public static final String ID_NUMBER = "id-number";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final PersonalDataKeys keys;

	private final SecureRandom random = new SecureRandom();

	private final ThreadLocal<Mac> macs;

	/** One cipher per thread, initialised afresh (new IV) for every value; keeps the key schedule between values. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	});

	public FieldCipher(PersonalDataKeys keys) {
		this.keys = keys;
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(keys.searchKey());
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public String encrypt(String purpose, String plain) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
			return PREFIX + Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	}

	/** Decrypts; throws {@link TamperedException} when the value was altered or sealed with another key. */
	public String decrypt(String purpose, String sealedText) {
		if (sealedText == null || !sealedText.startsWith(PREFIX)) {
			throw new TamperedException();
		}
		byte[] all;
		try {
			all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new TamperedException();
		}
		if (all.length < IV_BYTES + TAG_BITS / 8) {
			throw new TamperedException();
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new TamperedException();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	}

	public String hash(String purpose, String plain) {
		Mac mac = macs.get();
		mac.update(purpose.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
	}

	/** A stored value that fails authentication: altered, truncated, or sealed under another key. */
	public static final class TamperedException extends RuntimeException {

		TamperedException() {
			super("personal data failed authentication");
		}

	}

}
