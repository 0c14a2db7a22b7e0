package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;

/**
 * Many writers record, edit and delete activities at once, all under one province and mostly on one day, so that they
 * contend for the same country, province and league summary rows. None may fail (no deadlock, no lost update), and
 * afterwards the totals are exact.
 */
@IntegrationTest
class RollupConcurrencyTests {

	static final RegionScope COUNTRY = new RegionScope(RegionCode.COUNTRY);

	static final int WRITERS = 8;

	static final int WRITES = 40;

	static final String[] REGIONS = { "150102001", "150102002", "150105001", "1502", "150203", "1501", "150102" };

	@Autowired
	ActivityService activities;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityRollup rollup;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	record Kept(int participants, long fundsCents) {
	}

	@Test
	void concurrentWritersLoseNothingAndNeverDeadlock() throws Exception {
		long campaign = campaigns.create(COUNTRY, new CampaignInput(null, "concurrency-" + System.nanoTime(), "t", "15",
				2, "2022-03-17", "2022-03-31", List.of("2022-03-24T17:00:00+08:00"), null, null, null, null, null,
				null, null), "test");
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		List<Future<List<Kept>>> results = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			results.add(pool.submit(() -> {
				Random random = new Random(writer);
				List<Long> mine = new ArrayList<>();
				List<Kept> kept = new ArrayList<>();
				start.await();
				for (int i = 0; i < WRITES; i++) {
					int participants = 1 + random.nextInt(100);
					long cents = random.nextInt(100_000);
					ActivityInput input = new ActivityInput(REGIONS[random.nextInt(REGIONS.length)], "c", null,
							String.valueOf(participants), random.nextInt(4) == 0 ? "2022-03-2" + random.nextInt(10)
									: "2022-03-20",
							null, null, null, List.of(random.nextBoolean() ? "ELDERLY" : "CHILDREN"), "1",
							BigDecimal.valueOf(cents, 2).toPlainString(), "0", null);
					long t0 = System.nanoTime();
					int op = random.nextInt(10);
					if (op < 7 || mine.isEmpty()) {
						mine.add(activities.record(COUNTRY, campaign, input, "w" + writer).id());
						kept.add(new Kept(participants, cents));
					}
					else if (op < 9) {
						int k = random.nextInt(mine.size());
						activities.update(COUNTRY, mine.get(k), input, "w" + writer);
						kept.set(k, new Kept(participants, cents));
					}
					else {
						int k = random.nextInt(mine.size());
						activities.delete(COUNTRY, mine.remove(k));
						kept.remove(k);
					}
					latencies.add(System.nanoTime() - t0);
				}
				return kept;
			}));
		}
		start.countDown();
		long records = 0;
		long participants = 0;
		long cents = 0;
		for (Future<List<Kept>> f : results) {
			for (Kept k : f.get(5, TimeUnit.MINUTES)) {
				records++;
				participants += k.participants();
				cents += k.fundsCents();
			}
		}
		pool.shutdown();

		ActivityTotals total = rollup.totals(COUNTRY, RegionCode.COUNTRY, LocalDate.of(2022, 3, 1),
				LocalDate.of(2022, 3, 31), campaign);
		assertThat(total.activities()).isEqualTo(records);
		assertThat(total.participants()).isEqualTo(participants);
		assertThat(total.beneficiaries()).isEqualTo(records);
		assertThat(total.fundsYuan()).isEqualByComparingTo(BigDecimal.valueOf(cents, 2));
		assertThat(total.byDomain().get(ServiceDomain.ELDERLY).activities()
				+ total.byDomain().get(ServiceDomain.CHILDREN).activities()).isEqualTo(records);
		assertThat(rollup.totals(COUNTRY, RegionCode.parse("15"), LocalDate.of(2022, 3, 20), LocalDate.of(2022, 3, 20),
				campaign)
			.activities()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM activity WHERE campaign_id = :c AND start_date = :d")
				.param("c", campaign)
				.param("d", LocalDate.of(2022, 3, 20))
				.query(Long.class)
				.single());

		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("rollup writes: %d by %d writers, p50 %.1f ms, p99 %.1f ms%n", sorted.size(), WRITERS,
				sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
	}

}
