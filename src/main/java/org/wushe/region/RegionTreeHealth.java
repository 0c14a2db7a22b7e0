package org.wushe.region;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code regionTree} part of the readiness check: up once the tree is loaded, out of service while it loads (on
 * this node or, for a node that waits, on another), down when loading failed.
 */
@Component("regionTree")
@RequiredArgsConstructor
class RegionTreeHealth implements HealthIndicator {

	private final RegionTreeLoader loader;

	@Override
	public Health health() {
		RegionLoadStatus status = loader.status();
		Health.Builder health = switch (status.state()) {
			case READY -> Health.up();
			case FAILED -> Health.down();
			case NOT_STARTED, LOADING -> Health.outOfService();
		};
		return health.withDetail("state", status.state()).withDetail("percent", status.percent()).build();
	}

}
