package org.wushe.message;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.AccountService;
import org.wushe.access.Permissions;
import org.wushe.campaign.ReportDeadlines;
import org.wushe.campaign.ReportToDo;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;
import org.wushe.shared.DateText;

/**
 * The daily deadline reminders (提醒), as 站内消息: to the staff of each reporting unit that has not submitted a
 * progress report due within {@code wushe.reminders.days-ahead} days, or whose deadline has passed; and to the
 * reviewers one level above the units, how many of their units are behind on the last passed deadline. Each
 * recipient gets one message per campaign, deadline, region and kind ({@code reminder_sent}), so running the job again
 * sends nothing new. It runs at {@code wushe.reminders.cron} (08:00 China time by default) on one node of the
 * deployment, under the {@code report-reminders} lock.
 */
@Component
@Lazy(false)
public class ReportReminders {

	private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

	private static final DateTimeFormatter DUE = DateText.MINUTE;

	private final ReportDeadlines deadlines;

	private final Inbox inbox;

	private final AccountService accounts;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration ahead;

	private final Counter runs;

	ReportReminders(ReportDeadlines deadlines, Inbox inbox, AccountService accounts, Regions regions, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock,
			ObjectProvider<MeterRegistry> meters, @Value("${wushe.reminders.days-ahead:3}") int daysAhead) {
		this.deadlines = deadlines;
		this.inbox = inbox;
		this.accounts = accounts;
		this.regions = regions;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.ahead = Duration.ofDays(Math.max(daysAhead, 0));
		this.runs = Counter.builder("wushe.reminders.runs")
			.description("Runs of the deadline reminder job on this node")
			.register(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	/** How many times the scheduled run has run on this node (it skips when another node holds the lock). */
	public long runs() {
		return (long) runs.count();
	}

	/** The scheduled run: on one node only; a node that finds the lock taken skips it. */
	@Scheduled(cron = "${wushe.reminders.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "report-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void run() {
		runs.increment();
		int sent = remind();
		log.info("Deadline reminders: {} messages sent", sent);
	}

	/** Sends the reminders not sent before; returns how many messages it sent. */
	public int remind() {
		int sent = 0;
		Map<String, String> names = new HashMap<>();
		for (ReportToDo item : deadlines.pending(ahead)) {
			String permission = item.kind() == ReportToDo.Kind.BEHIND ? Permissions.REPORT_REVIEW
					: Permissions.REPORT_SUBMIT;
			RegionCode region = new RegionCode(item.unitCode());
			List<String> recipients = accounts.holdersAt(region, permission);
			if (recipients.isEmpty()) {
				continue;
			}
			String name = names.computeIfAbsent(item.unitCode(),
					code -> regions.find(region).map(Region::name).orElse(code));
			for (String recipient : recipients) {
				if (send(recipient, item, name)) {
					sent++;
				}
			}
		}
		return sent;
	}

	/** One reminder to one recipient, with its record, in one transaction; false when it was sent before. */
	private boolean send(String recipient, ReportToDo item, String regionName) {
		String kind = item.kind().name().toLowerCase(Locale.ROOT);
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				long before = jdbc.sql("""
						SELECT COUNT(*) FROM reminder_sent
						WHERE recipient = :r AND kind = :k AND campaign_id = :c AND deadline_no = :n AND region_code = :g
						""")
					.param("r", recipient)
					.param("k", kind)
					.param("c", item.campaignId())
					.param("n", item.deadlineNumber())
					.param("g", item.unitCode())
					.query(Long.class)
					.single();
				if (before > 0) {
					return false;
				}
				jdbc.sql("""
						INSERT INTO reminder_sent (recipient, kind, campaign_id, deadline_no, region_code, sent_at)
						VALUES (:r, :k, :c, :n, :g, :at)
						""")
					.param("r", recipient)
					.param("k", kind)
					.param("c", item.campaignId())
					.param("n", item.deadlineNumber())
					.param("g", item.unitCode())
					.param("at", Timestamp.from(Instant.now(clock)))
					.update();
				inbox.send(List.of(recipient), "reminder-" + kind, "message.reminder-" + kind,
						List.of(item.campaignName(), String.valueOf(item.deadlineNumber()),
								DUE.format(item.dueAtLocal()), regionName, String.valueOf(item.count())),
						item.href(), item.kind() != ReportToDo.Kind.DUE);
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			// sent meanwhile by a run that did not hold the lock (e.g. started by hand)
			return false;
		}
	}

}
