package org.wushe.shared.crypto;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the personal-data key at start-up when {@code wushe.crypto.previous-key} ({@code WUSHE_CRYPTO_PREVIOUS_KEY})
 * is set: every encrypted column is re-sealed from that key to the configured one ({@link KeyRotation}) before the
 * node reports ready. Run it on one node with all other nodes stopped (see docs/deployment.md); running it again, or
 * after it was interrupted, only re-seals what is left.
 */
@Component
@RequiredArgsConstructor
class KeyRotationRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KeyRotationRunner.class);

	private final Environment environment;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	@Override
	public void run(ApplicationArguments args) {
		String previous = environment.getProperty("wushe.crypto.previous-key");
		if (previous == null || previous.isBlank()) {
			return;
		}
		int batch = environment.getProperty("wushe.crypto.rotation-batch", Integer.class, 500);
		log.info("Re-sealing personal data under the new key ...");
		KeyRotation.Result done = new KeyRotation(jdbc, tx,
				PersonalDataKeys.decode(previous.strip(), "wushe.crypto.previous-key (WUSHE_CRYPTO_PREVIOUS_KEY)"),
				PersonalDataKeys.secret(environment), batch)
			.run();
		log.info("Personal data re-sealed: {} values, {} already under the new key, {} unreadable with either key",
				done.resealed(), done.alreadyNew(), done.unreadable());
		if (done.unreadable() > 0) {
			log.warn("{} values open with neither key and were left as they are", done.unreadable());
		}
	}

}
