package org.wushe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache serves an entry only at the figure version it was computed at, and stays within its memory bound however
 * many large answers are asked for between two writes.
 */
class DashboardCacheTests {

	FigureVersion version = mock(FigureVersion.class);

	DashboardCache cache;

	@BeforeEach
	void setUp() {
		when(version.current()).thenReturn(1L);
		cache = new DashboardCache(version);
	}

	static DashboardCache.DerivedKey key(int i) {
		return new DashboardCache.DerivedKey(new DashboardCache.Key("", "15" + i, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 12, 31), null, Granularity.MONTH), "15", "json:zh-CN");
	}

	@Test
	void aCrawlerOfLargeAnswersStaysWithinTheWeightBoundAndTheAnswerInUseStays() {
		byte[] megabyte = new byte[1024 * 1024];
		byte[] inUse = new byte[1024 * 1024];
		cache.get(key(-1), () -> inUse);
		for (int i = 0; i < 200; i++) {
			cache.get(key(i), () -> megabyte.clone());
			assertThat(cache.size()[1]).isLessThanOrEqualTo(DashboardCache.MAX_WEIGHT);
			// the page everyone looks at is asked for between the crawler's requests
			assertThat(cache.get(key(-1), () -> new byte[1])).isSameAs(inUse);
		}
		long held = cache.size()[0];
		assertThat(held).isLessThan(200).isGreaterThanOrEqualTo(DashboardCache.MAX_WEIGHT / (2 * 1024 * 1024));
		assertThat(cache.size()[1]).isGreaterThan(DashboardCache.MAX_WEIGHT / 2);
	}

	@Test
	void smallEntriesAreHeldToTheEntryBound() {
		for (int i = 0; i < 2 * DashboardCache.MAX_ENTRIES; i++) {
			cache.get(key(i), () -> "x");
		}
		assertThat(cache.size()[0]).isLessThanOrEqualTo(DashboardCache.MAX_ENTRIES);
		assertThat(cache.size()[1]).isLessThanOrEqualTo(DashboardCache.MAX_WEIGHT);
	}

	@Test
	void anEntryIsNeverServedAfterTheVersionMoved() {
		assertThat(cache.get(key(1), () -> "before")).isEqualTo("before");
		assertThat(cache.get(key(1), () -> "recomputed")).isEqualTo("before");
		when(version.current()).thenReturn(2L);
		assertThat(cache.get(key(1), () -> "after")).isEqualTo("after");
		assertThat(cache.size()).containsExactly(1, DashboardCache.weigh("after"));
	}

}
