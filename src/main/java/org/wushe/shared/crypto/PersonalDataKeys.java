package org.wushe.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The secret behind personal-data protection and the two keys derived from it: one for AES-GCM encryption, one for
 * the HMAC-SHA256 search hash. The secret is {@code wushe.crypto.key} (environment {@code WUSHE_CRYPTO_KEY}), a
 * base64-encoded 256-bit key. On the embedded default without it, a key is generated once into
 * {@code <wushe.data-dir>/personal-data.key} and reused; on the {@code postgres} profile a missing key stops
 * start-up.
 */
// created at start-up even though beans start lazily: a missing key must stop the start, not a later request
@Lazy(false)
@Component
public class PersonalDataKeys {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

	public static final String KEY_FILE = "personal-data.key";

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec searchKey;

	@Autowired
	public PersonalDataKeys(Environment environment) {
		this(secret(environment));
	}

	public PersonalDataKeys(byte[] secret) {
		this.encryptionKey = new SecretKeySpec(derive(secret, "wushe/personal-data/encryption/v1"), "AES");
		this.searchKey = new SecretKeySpec(derive(secret, "wushe/personal-data/search/v1"), "HmacSHA256");
	}

	SecretKeySpec encryptionKey() {
		return encryptionKey;
	}

	SecretKeySpec searchKey() {
		return searchKey;
	}

	private static byte[] secret(Environment environment) {
		String configured = environment.getProperty("wushe.crypto.key");
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip(), "wushe.crypto.key (WUSHE_CRYPTO_KEY)");
		}
		if (environment.acceptsProfiles(Profiles.of("postgres"))) {
			throw new IllegalStateException("""
					Personal data cannot be protected: set WUSHE_CRYPTO_KEY (property wushe.crypto.key) to a \
					base64-encoded 256-bit key, e.g. the output of 'openssl rand -base64 32'. Keep it safe: \
					without it the stored ID numbers and phone numbers cannot be read.""");
		}
		Path dir = Path.of(environment.getProperty("wushe.data-dir", "./data"));
		return fromFile(dir.resolve(KEY_FILE));
	}

	/** Reads the key file, or creates it once with a fresh random key (never overwriting one written meanwhile). */
	public static byte[] fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp");
				try {
					restrict(temp);
					Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n",
							StandardCharsets.US_ASCII);
					try {
						Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
					}
					catch (AtomicMoveNotSupportedException ex) {
						Files.move(temp, file);
					}
					log.warn("Generated the personal-data key {}; back it up together with the database", file);
				}
				catch (FileAlreadyExistsException ex) {
					// another process created it first: use theirs
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the personal-data key " + file, ex);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system
		}
	}

	static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The personal-data key from " + source + " is not valid base64");
		}
		if (key.length != 32) {
			throw new IllegalStateException("The personal-data key from " + source + " must be 256 bits (32 bytes), not "
					+ key.length + " bytes");
		}
		return key;
	}

	private static byte[] derive(byte[] secret, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
