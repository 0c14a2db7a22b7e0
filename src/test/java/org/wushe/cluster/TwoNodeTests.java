package org.wushe.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.message.ReportReminders;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.Nodes;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestDatabase;

/**
 * Two nodes of one deployment on one PostgreSQL database, called over HTTP as a load balancer would: a login on A
 * carries on on B, an import started on A is polled on B, a write on A is on B's dashboard at once, and the reminder
 * job triggered on both at once runs on one of them.
 */
@Tag("integration")
class TwoNodeTests {

	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-root-pass-7".getBytes(StandardCharsets.UTF_8));

	final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	final HttpClient script = HttpClient.newHttpClient();

	@Test
	void twoNodesServeOneDeployment() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "two nodes share a PostgreSQL database");
		try (Nodes nodes = Nodes.start(2)) {
			String a = "http://localhost:" + nodes.port(0);
			String b = "http://localhost:" + nodes.port(1);

			// a login on A; the next request goes to B
			String page = browser.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(a + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-root-pass-7&_csrf="
						+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
			HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(b + "/api/accounts/me")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains("\"username\":\"admin\"");

			// a write on A is on B's dashboard at once
			long before = stations(b);
			HttpResponse<String> created = script.send(HttpRequest.newBuilder(URI.create(a + "/api/sites"))
				.header("Authorization", ADMIN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"type": "STATION", "regionCode": "150102001", "name": "海拉尔东路街道社工站", "address": "人民路 1 号",
						 "phone": "0471-6601234", "status": "OPERATING"}"""))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			assertThat(stations(b)).isEqualTo(before + 1);

			// an import started on A is polled on B
			byte[] template = script.send(HttpRequest.newBuilder(URI.create(a + "/api/sites/import/template"))
				.header("Authorization", ADMIN)
				.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
			String boundary = "wushe-" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sites.xlsx\"\r\n"
					+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(template);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> started = script.send(HttpRequest.newBuilder(URI.create(a + "/api/sites/import"))
				.header("Authorization", ADMIN)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(started.statusCode()).as(started.body()).isBetween(200, 202);
			Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
			assertThat(id.find()).isTrue();
			Matcher state = Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(started.body());
			assertThat(state.find()).isTrue();
			HttpResponse<String> polled = script.send(HttpRequest.newBuilder(URI.create(b + "/api/sites/import/" + id.group(1)))
				.header("Authorization", ADMIN)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
			assertThat(polled.body()).contains("\"state\":\"" + state.group(1) + "\"").contains(id.group(1));

			// the reminder job, triggered on both nodes at the same moment, runs on one and sends each reminder once
			String league = TestAccounts.create(nodes.node(0).getBean(AccountService.class), Role.CITY_STAFF, "1502");
			Instant now = Instant.now();
			LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
			long campaign = nodes.node(0)
				.getBean(CampaignService.class)
				.create(new RegionScope(RegionCode.parse("15")),
						new CampaignInput(null, "two-node-reminders-" + System.nanoTime(), "t", "15", 2,
								today.minusDays(5).toString(), today.plusDays(5).toString(),
								List.of(now.minus(1, ChronoUnit.DAYS).toString()), null, null, null, null, null, null,
								null),
						"admin");
			ReportReminders onA = nodes.node(0).getBean(ReportReminders.class);
			ReportReminders onB = nodes.node(1).getBean(ReportReminders.class);
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture.allOf(CompletableFuture.runAsync(() -> at(together, onA::run)),
					CompletableFuture.runAsync(() -> at(together, onB::run))).get(120, TimeUnit.SECONDS);
			assertThat(onA.runs() + onB.runs()).isEqualTo(1);
			JdbcClient jdbc = nodes.node(1).getBean(JdbcClient.class);
			String reminders = "SELECT COUNT(*) FROM message WHERE recipient = :u AND kind = 'reminder-overdue' AND href LIKE :h";
			assertThat(jdbc.sql(reminders).param("u", league).param("h", "/campaigns/" + campaign + "/%")
				.query(Long.class)
				.single()).isEqualTo(1);
			// triggered again within the lock's minimum hold, on the other node: skipped
			onB.run();
			onA.run();
			assertThat(onA.runs() + onB.runs()).isEqualTo(1);
		}
	}

	static void at(CyclicBarrier barrier, Runnable work) {
		try {
			barrier.await(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		work.run();
	}

	long stations(String node) throws Exception {
		HttpResponse<String> dashboard = script.send(
				HttpRequest.newBuilder(URI.create(node + "/api/stats/dashboard?region=150102"))
					.header("Authorization", ADMIN)
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
		Matcher m = Pattern.compile("\"stations\":(\\d+)").matcher(dashboard.body());
		assertThat(m.find()).as(dashboard.body()).isTrue();
		return Long.parseLong(m.group(1));
	}

}
