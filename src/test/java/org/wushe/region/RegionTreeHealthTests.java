package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class RegionTreeHealthTests {

	RegionTreeLoader loader = mock(RegionTreeLoader.class);

	Status with(RegionLoadStatus.State state) {
		when(loader.status()).thenReturn(new RegionLoadStatus(state, 5, 10, null, null));
		return new RegionTreeHealth(loader).health().getStatus();
	}

	@Test
	void aNodeIsReadyOnlyOnceTheTreeIsLoaded() {
		assertThat(with(RegionLoadStatus.State.NOT_STARTED)).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(with(RegionLoadStatus.State.LOADING)).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(with(RegionLoadStatus.State.FAILED)).isEqualTo(Status.DOWN);
		assertThat(with(RegionLoadStatus.State.READY)).isEqualTo(Status.UP);
	}

}
