package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A POST retried with the same {@code Idempotency-Key} gets the first answer again and creates nothing new; the key
 * belongs to its user and path; a retry while the first runs waits for its answer; the key is claimed and its answer
 * recorded in the transaction of the request's writes, and a refused request keeps neither.
 */
@IntegrationTest
class IdempotencyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	MockHttpServletRequestBuilder newAccount(String creator, String username) {
		return post("/api/accounts").with(TestAccounts.as(creator))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"社工","regionCode":"150102001","role":"STATION_WORKER","password":"initial-pass-1"}"""
				.formatted(username));
	}

	long accounts(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String name = county + "-i";
		String first = mvc.perform(newAccount(county, name).header("Idempotency-Key", "k-" + county))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = mvc.perform(newAccount(county, name).header("Idempotency-Key", "k-" + county))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(first);
		assertThat(accounts(name)).isEqualTo(1);
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'account.create' AND actor = :a")
			.param("a", county)
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);

		// without the key the same request runs again (and is refused: the name is taken)
		mvc.perform(newAccount(county, name)).andExpect(status().is4xxClientError());
		// another user's request with the same key is their own
		String other = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(newAccount(other, other + "-i").header("Idempotency-Key", "k-" + county))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
	}

	@Test
	void aKeyTooLongIsRefusedNamingTheHeaderAndNothingIsCreated() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(newAccount(county, county + "-long").header("Idempotency-Key", "k".repeat(1_000)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.detail").isNotEmpty());
		assertThat(accounts(county + "-long")).isZero();
	}

	@Test
	void aRetryWhileTheFirstRunsWaitsForItAndGetsItsAnswer() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		// the first request, still running: its claim is inserted (and its answer recorded) but not yet committed
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
			jdbc.sql("""
					INSERT INTO idempotent_request (idem_key, username, method, path, status, content_type, body, created_at)
					VALUES ('running', :u, 'POST', '/api/accounts', 201, 'application/json', :body, CURRENT_TIMESTAMP)
					""").param("u", county).param("body", "{\"first\":true}".getBytes(StandardCharsets.UTF_8)).update();
			claimed.countDown();
			try {
				finish.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<MvcResult> retry = CompletableFuture.supplyAsync(() -> {
			try {
				return mvc.perform(newAccount(county, county + "-r").header("Idempotency-Key", "running")).andReturn();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(300);
		assertThat(retry).as("the retry waits for the first request").isNotDone();
		finish.countDown();
		first.get(20, TimeUnit.SECONDS);
		MvcResult answer = retry.get(20, TimeUnit.SECONDS);
		assertThat(answer.getResponse().getStatus()).isEqualTo(201);
		assertThat(answer.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(answer.getResponse().getContentAsString()).isEqualTo("{\"first\":true}");
		assertThat(accounts(county + "-r")).isZero();
		mvc.perform(newAccount(county, county + "-r").header("Idempotency-Key", "x".repeat(201)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aClaimLeftWithoutAnAnswerIsGivenUp() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		jdbc.sql("""
				INSERT INTO idempotent_request (idem_key, username, method, path, status, created_at)
				VALUES ('left', :u, 'POST', '/api/accounts', 0, CURRENT_TIMESTAMP)
				""").param("u", county).update();
		mvc.perform(newAccount(county, county + "-l").header("Idempotency-Key", "left"))
			.andExpect(status().isConflict());
		assertThat(accounts(county + "-l")).isZero();
		mvc.perform(newAccount(county, county + "-l").header("Idempotency-Key", "left"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(accounts(county + "-l")).isEqualTo(1);
	}

	@Test
	void aRefusedRequestKeepsNothingAndLeavesItsKeyFree() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(post("/api/accounts").with(TestAccounts.as(county))
			.header("Idempotency-Key", "refused")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s-f","displayName":"社工","regionCode":"150102001","role":"STATION_WORKER","password":"x"}"""
				.formatted(county))).andExpect(status().isBadRequest());
		assertThat(keys(county)).isZero();
		mvc.perform(newAccount(county, county + "-f").header("Idempotency-Key", "refused"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(accounts(county + "-f")).isEqualTo(1);
		assertThat(keys(county)).isEqualTo(1);
	}

	@Test
	void theKeyIsClaimedAndRecordedInTheTransactionOfTheWrite() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String seen = mvc.perform(post("/api/idempotency-probe").with(TestAccounts.as(county))
			.header("Idempotency-Key", "probe")
			.param("answer", "201")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		// inside the request: a transaction, the claim visible in it, invisible to any other transaction
		assertThat(seen).isEqualTo("tx=true claimed=0 outside=0");
		assertThat(probes(county)).isEqualTo(1);
		assertThat(keys(county)).isEqualTo(1);

		// a refused answer takes the handler's write back with the claim
		mvc.perform(post("/api/idempotency-probe").with(TestAccounts.as(county))
			.header("Idempotency-Key", "probe-2")
			.param("answer", "409")).andExpect(status().isConflict());
		assertThat(probes(county)).isEqualTo(1);
		assertThat(keys(county)).isEqualTo(1);
		// a request that answers success although a part of it asked for a rollback is not told it succeeded
		Throwable failed = null;
		try {
			mvc.perform(post("/api/idempotency-probe").with(TestAccounts.as(county))
				.header("Idempotency-Key", "probe-3")
				.param("answer", "201")
				.param("swallow", "true"));
		}
		catch (Exception ex) {
			failed = ex;
		}
		while (failed != null && !(failed instanceof UnexpectedRollbackException)) {
			failed = failed.getCause();
		}
		assertThat(failed).isInstanceOf(UnexpectedRollbackException.class);
		assertThat(probes(county)).isEqualTo(1);
		assertThat(keys(county)).isEqualTo(1);
		// and a retry of the first one is not applied again
		mvc.perform(post("/api/idempotency-probe").with(TestAccounts.as(county))
			.header("Idempotency-Key", "probe")
			.param("answer", "201"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"));
		assertThat(probes(county)).isEqualTo(1);
	}

	long keys(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM idempotent_request WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	long probes(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = :u AND kind = 'probe'")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	/** A write endpoint for these tests only: it reports what it sees of the transaction, writes a row, answers. */
	@TestConfiguration
	static class Probe {

		@RestController
		static class ProbeApi {

			private final JdbcClient jdbc;

			private final TransactionTemplate separate;

			private final TransactionTemplate joined;

			ProbeApi(JdbcClient jdbc, PlatformTransactionManager transactions) {
				this.jdbc = jdbc;
				this.joined = new TransactionTemplate(transactions);
				this.separate = new TransactionTemplate(transactions);
				this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			}

			@PostMapping("/api/idempotency-probe")
			ResponseEntity<String> probe(@RequestParam int answer, @RequestParam(defaultValue = "false") boolean swallow,
					Principal user) {
				if (swallow) {
					// a joined transaction that fails, its failure caught: the whole transaction is rollback-only
					try {
						joined.executeWithoutResult(s -> {
							throw new IllegalStateException("inner failure");
						});
					}
					catch (IllegalStateException expected) {
						// answered as if nothing happened
					}
				}
				String sql = "SELECT COUNT(*) FROM idempotent_request WHERE username = :u AND idem_key LIKE 'probe%' AND status = 0";
				long claimed = jdbc.sql(sql).param("u", user.getName()).query(Long.class).single();
				long outside = separate.execute(s -> jdbc.sql(sql).param("u", user.getName()).query(Long.class).single());
				jdbc.sql("""
						INSERT INTO message (recipient, kind, message_key, args, urgent, created_at)
						VALUES (:u, 'probe', 'probe', '', FALSE, CURRENT_TIMESTAMP)
						""").param("u", user.getName()).update();
				return ResponseEntity.status(answer)
					.body("tx=" + TransactionSynchronizationManager.isActualTransactionActive() + " claimed="
							+ (claimed - 1) + " outside=" + outside);
			}

		}

	}

}
