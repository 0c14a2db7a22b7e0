package org.wushe.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class PersonalDataCryptoTests {

	static final byte[] SECRET = new byte[32];

	static {
		for (int i = 0; i < SECRET.length; i++) {
			SECRET[i] = (byte) (i * 7 + 3);
		}
	}

	final FieldCipher cipher = new FieldCipher(new PersonalDataKeys(SECRET));

	@Test
	void roundTrips() {
		String sealed = cipher.encrypt("id-number", "11010519491231002X");
		assertThat(sealed).startsWith("v1:").doesNotContain("11010519491231002X");
		assertThat(cipher.decrypt("id-number", sealed)).isEqualTo("11010519491231002X");
	}

	@Test
	void usesAFreshIvForEveryValue() {
		String a = cipher.encrypt("phone", "13812345678");
		String b = cipher.encrypt("phone", "13812345678");
		assertThat(a).isNotEqualTo(b);
		byte[] ivA = java.util.Arrays.copyOf(Base64.getDecoder().decode(a.substring(3)), 12);
		byte[] ivB = java.util.Arrays.copyOf(Base64.getDecoder().decode(b.substring(3)), 12);
		assertThat(ivA).isNotEqualTo(ivB);
		assertThat(cipher.decrypt("phone", a)).isEqualTo(cipher.decrypt("phone", b));
	}

	@Test
	void detectsTampering() {
		String sealed = cipher.encrypt("phone", "13812345678");
		byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
		for (int position : new int[] { 0, 11, 12, raw.length - 1 }) {
			byte[] altered = raw.clone();
			altered[position] ^= 1;
			String text = "v1:" + Base64.getEncoder().encodeToString(altered);
			assertThatThrownBy(() -> cipher.decrypt("phone", text)).isInstanceOf(FieldCipher.TamperedException.class);
		}
		assertThatThrownBy(() -> cipher.decrypt("phone", sealed.substring(0, sealed.length() - 4)))
			.isInstanceOf(FieldCipher.TamperedException.class);
		assertThatThrownBy(() -> cipher.decrypt("phone", "garbage")).isInstanceOf(FieldCipher.TamperedException.class);
		// a value moved to another column does not open there
		assertThatThrownBy(() -> cipher.decrypt("id-number", sealed))
			.isInstanceOf(FieldCipher.TamperedException.class);
	}

	@Test
	void anotherKeyCannotOpenIt() {
		byte[] other = SECRET.clone();
		other[0] ^= 1;
		FieldCipher stranger = new FieldCipher(new PersonalDataKeys(other));
		String sealed = cipher.encrypt("phone", "13812345678");
		assertThatThrownBy(() -> stranger.decrypt("phone", sealed)).isInstanceOf(FieldCipher.TamperedException.class);
	}

	@Test
	void searchHashIsStableKeyedAndPerKind() {
		String h = cipher.hash("phone", "13812345678");
		assertThat(h).hasSize(64).isEqualTo(cipher.hash("phone", "13812345678"));
		assertThat(h).isNotEqualTo(cipher.hash("id-number", "13812345678"));
		byte[] other = SECRET.clone();
		other[5] ^= 1;
		assertThat(new FieldCipher(new PersonalDataKeys(other)).hash("phone", "13812345678")).isNotEqualTo(h);
	}

	@Test
	void generatesTheEmbeddedKeyOnceAndReusesIt(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data").resolve(PersonalDataKeys.KEY_FILE);
		byte[] first = PersonalDataKeys.fromFile(file);
		assertThat(first).hasSize(32);
		assertThat(Files.exists(file)).isTrue();
		assertThat(PersonalDataKeys.fromFile(file)).isEqualTo(first);
		MockEnvironment env = new MockEnvironment().withProperty("wushe.data-dir", dir.resolve("data").toString());
		FieldCipher fromEnv = new FieldCipher(new PersonalDataKeys(env));
		assertThat(fromEnv.decrypt("phone", new FieldCipher(new PersonalDataKeys(first)).encrypt("phone", "x")))
			.isEqualTo("x");
	}

	@Test
	void usesTheConfiguredKey() {
		String key = Base64.getEncoder().encodeToString(SECRET);
		MockEnvironment env = new MockEnvironment().withProperty("wushe.crypto.key", key);
		FieldCipher configured = new FieldCipher(new PersonalDataKeys(env));
		assertThat(configured.decrypt("phone", cipher.encrypt("phone", "13812345678"))).isEqualTo("13812345678");
	}

	@Test
	void refusesToStartOnPostgresWithoutAKey() {
		MockEnvironment env = new MockEnvironment();
		env.setActiveProfiles("postgres");
		assertThatThrownBy(() -> new PersonalDataKeys(env)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("WUSHE_CRYPTO_KEY");
	}

	@Test
	void refusesAMalformedKey() {
		MockEnvironment shortKey = new MockEnvironment().withProperty("wushe.crypto.key",
				Base64.getEncoder().encodeToString(new byte[16]));
		assertThatThrownBy(() -> new PersonalDataKeys(shortKey)).hasMessageContaining("256 bits");
		MockEnvironment notBase64 = new MockEnvironment().withProperty("wushe.crypto.key", "not base64 !!");
		assertThatThrownBy(() -> new PersonalDataKeys(notBase64)).hasMessageContaining("base64");
	}

	@Test
	void theEmbeddedKeyAndDataFolderAreForTheirOwnerOnly(@TempDir Path dir) throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		new PersonalDataKeys(new MockEnvironment().withProperty("wushe.data-dir", data.toString()));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(PersonalDataKeys.KEY_FILE))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void aKeyFileFoundReadableByOthersIsRestricted(@TempDir Path dir) throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path file = dir.resolve("k.key");
		Files.writeString(file, Base64.getEncoder().encodeToString(SECRET) + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(PersonalDataKeys.fromFile(file)).isEqualTo(SECRET);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void theKeyCanBeKeptInAFileOutsideTheDataFolder(@TempDir Path dir) throws Exception {
		Path elsewhere = dir.resolve("secrets").resolve("wushe.key");
		Path data = dir.resolve("data");
		MockEnvironment env = new MockEnvironment().withProperty("wushe.crypto.key-file", elsewhere.toString())
			.withProperty("wushe.data-dir", data.toString());
		FieldCipher first = new FieldCipher(new PersonalDataKeys(env));
		assertThat(Files.exists(elsewhere)).isTrue();
		assertThat(Files.exists(data.resolve(PersonalDataKeys.KEY_FILE))).isFalse();
		assertThat(new FieldCipher(new PersonalDataKeys(env)).decrypt("phone", first.encrypt("phone", "x")))
			.isEqualTo("x");
		MockEnvironment postgres = new MockEnvironment().withProperty("wushe.crypto.key-file", elsewhere.toString());
		postgres.setActiveProfiles("postgres");
		assertThat(new FieldCipher(new PersonalDataKeys(postgres)).decrypt("phone", first.encrypt("phone", "y")))
			.isEqualTo("y");
	}

}
