package org.wushe.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
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
 * base64-encoded 256-bit key, or the file named by {@code wushe.crypto.key-file} (environment
 * {@code WUSHE_CRYPTO_KEY_FILE}), created once if missing. On the embedded default without either, a key is generated
 * once into {@code <wushe.data-dir>/personal-data.key} and reused, and the data folder is made accessible to its
 * owner only; on the {@code postgres} profile a missing key stops start-up. Key files are readable by their owner
 * only.
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

	static byte[] secret(Environment environment) {
		String configured = environment.getProperty("wushe.crypto.key");
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip(), "wushe.crypto.key (WUSHE_CRYPTO_KEY)");
		}
		String keyFile = environment.getProperty("wushe.crypto.key-file");
		if (keyFile != null && !keyFile.isBlank()) {
			return fromFile(Path.of(keyFile.strip()));
		}
		if (environment.acceptsProfiles(Profiles.of("postgres"))) {
			throw new IllegalStateException("""
					Personal data cannot be protected: set WUSHE_CRYPTO_KEY (property wushe.crypto.key) to a \
					base64-encoded 256-bit key, e.g. the output of 'openssl rand -base64 32', or \
					WUSHE_CRYPTO_KEY_FILE (property wushe.crypto.key-file) to a file holding it. Keep it safe: \
					without it the stored ID numbers and phone numbers cannot be read.""");
		}
		Path dir = Path.of(environment.getProperty("wushe.data-dir", "./data"));
		byte[] key = fromFile(dir.resolve(KEY_FILE));
		restrictDirectory(dir);
		return key;
	}

	/**
	 * Reads the key file, or creates it once with a fresh random key (never overwriting one written meanwhile). The
	 * file is made readable by its owner only, also when it was found readable by others.
	 */
	public static byte[] fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Path parent = file.toAbsolutePath().getParent();
				if (!Files.isDirectory(parent)) {
					Files.createDirectories(parent);
					restrictDirectory(parent);
				}
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Path temp = Files.createTempFile(parent, "key", ".tmp");
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
					log.warn("""
							Generated the personal-data key {} (readable by its owner only). Whoever has this key and \
							a copy of the database can read every stored ID number and phone number: back it up \
							apart from the database, and keep it elsewhere by setting WUSHE_CRYPTO_KEY (the key \
							itself) or WUSHE_CRYPTO_KEY_FILE (a path outside the data folder). See the README, \
							"Personal data and its key".""", file.toAbsolutePath());
				}
				catch (FileAlreadyExistsException ex) {
					// another process created it first: use theirs
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			else if (readableByOthers(file)) {
				restrict(file);
				log.warn("The personal-data key {} was readable by other users; it is now readable by its owner only",
						file.toAbsolutePath());
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the personal-data key " + file, ex);
		}
	}

	/** Makes the embedded data folder (database and key) accessible to its owner only, where the system allows. */
	static void restrictDirectory(Path dir) {
		try {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			log.debug("Cannot restrict the permissions of {}: {}", dir, ex.getMessage());
		}
	}

	private static boolean readableByOthers(Path file) {
		try {
			return Files.getPosixFilePermissions(file)
				.stream()
				.anyMatch(p -> p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE);
		}
		catch (UnsupportedOperationException | IOException ex) {
			return false;
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
