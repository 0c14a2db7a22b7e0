package org.wushe.region;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the shipped NBS tree is loaded.
 *
 * @param load {@code background} (default: the server answers while it loads), {@code foreground} (start-up waits;
 * used by tests), or {@code off}
 * @param only load only the subtree with this code prefix (e.g. {@code 15}); empty loads the whole country
 * @param batchSize rows per insert batch and transaction
 */
@ConfigurationProperties("wushe.regions")
record RegionProperties(String load, String only, Integer batchSize) {

	RegionProperties {
		load = load == null || load.isBlank() ? "background" : load.strip();
		only = only == null ? "" : only.strip();
		batchSize = batchSize == null ? 5000 : batchSize;
	}

}
