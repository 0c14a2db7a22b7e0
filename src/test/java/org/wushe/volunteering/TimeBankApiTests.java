package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestDatabase;

import com.jayway.jsonpath.JsonPath;

/**
 * The time bank through the API: confirmed hours are deposited, gifts go only to registered relatives, personal
 * accounts stop at the cap, group hours are only donated, a retried request moves nothing, one pool per region, and
 * the reconciliation finds the ledger balanced.
 */
@IntegrationTest
class TimeBankApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	VolunteeringFixtures f;

	long volunteer;

	long project;

	long personal;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		f = new VolunteeringFixtures(mvc, user);
		volunteer = f.volunteer("150102001");
		project = f.project("150102001", f.team("150102001"), true);
		f.confirm(f.hours(project, volunteer, 2, 9, 180));
		personal = accountOf(volunteer);
	}

	long accountOf(long v) throws Exception {
		String json = mvc.perform(get("/api/timebank/accounts").param("volunteerId", Long.toString(v))
			.with(TestAccounts.as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$[0].id")).longValue();
	}

	long balance(long account) {
		return jdbc.sql("SELECT balance_minutes FROM timebank_account WHERE id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	ResultActions transfer(String key, long from, long to, Object minutes, String kind) throws Exception {
		var request = post("/api/timebank/transfers").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"fromAccountId":%d,"toAccountId":%d,"minutes":%s,"kind":"%s","memo":"测试"}""".formatted(from, to,
					minutes, kind));
		return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
	}

	long open(String body) throws Exception {
		String json = mvc.perform(post("/api/timebank/accounts").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	long elder() throws Exception {
		return open("""
				{"kind":"ELDER","regionCode":"150102001","personId":%d}""".formatted(System.nanoTime() % 1_000_000_000L));
	}

	@Test
	void confirmedHoursAreDeposited() throws Exception {
		mvc.perform(get("/api/timebank/accounts/{id}", personal).with(TestAccounts.as(user)))
			.andExpect(jsonPath("$.kind").value("PERSONAL"))
			.andExpect(jsonPath("$.balanceMinutes").value(180));
	}

	@Test
	void giftsGoOnlyToRegisteredRelatives() throws Exception {
		long elder = elder();
		transfer(UUID.randomUUID().toString(), personal, elder, 60, "GIFT").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("toAccountId"))
			.andExpect(jsonPath("$.detail").value(containsString("亲属")));
		assertThat(balance(personal)).isEqualTo(180);
		long person = jdbc.sql("SELECT person_id FROM timebank_account WHERE id = :id").param("id", elder)
			.query(Long.class).single();
		mvc.perform(post("/api/timebank/relatives").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"volunteerId":%d,"relativePersonId":%d,"relation":"母亲"}""".formatted(volunteer, person)))
			.andExpect(status().isCreated());
		transfer(UUID.randomUUID().toString(), personal, elder, 60, "GIFT").andExpect(status().isCreated())
			.andExpect(jsonPath("$.postings", hasSize(2)))
			.andExpect(jsonPath("$.postings[0].minutes").value(-60))
			.andExpect(jsonPath("$.postings[1].minutes").value(60));
		assertThat(balance(personal)).isEqualTo(120);
		assertThat(balance(elder)).isEqualTo(60);
	}

	@Test
	void aRetryWithTheSameKeyAnswersTheFirstTransferAndMovesNothing() throws Exception {
		long pool = pool("150102001");
		String key = UUID.randomUUID().toString();
		String first = transfer(key, personal, pool, 30, "DONATION").andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andReturn().getResponse().getContentAsString();
		String again = transfer(key, personal, pool, 30, "DONATION").andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn().getResponse().getContentAsString();
		assertThat(again).isEqualTo(first);
		assertThat(balance(personal)).isEqualTo(150);
		// the same key for another request is a conflict, and moves nothing either
		transfer(key, personal, pool, 45, "DONATION").andExpect(status().isConflict());
		transfer(null, personal, pool, 30, "DONATION").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
		assertThat(balance(personal)).isEqualTo(150);
	}

	@Test
	void everyTransferIsAuditedOnceWithItsCallerAndRegion() throws Exception {
		long pool = pool("150102001");
		String key = UUID.randomUUID().toString();
		String json = transfer(key, personal, pool, 20, "DONATION").andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		transfer(key, personal, pool, 20, "DONATION").andExpect(status().isCreated());
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		var rows = jdbc.sql("""
				SELECT actor, entity_type, region_code FROM audit_event
				WHERE action = 'timebank.transfer' AND entity_id = :id
				""").param("id", Long.toString(id)).query().listOfRows();
		// the retry moved nothing and is not audited again
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.get("actor")).isEqualTo(user);
			assertThat(r.get("entity_type")).isEqualTo("timebank");
			assertThat(r.get("region_code")).isEqualTo("150102001");
		});
	}

	long pool(String region) throws Exception {
		String json = mvc.perform(get("/api/timebank/accounts").param("regionCode", region).param("kind", "POOL")
			.with(TestAccounts.as(user))).andReturn().getResponse().getContentAsString();
		java.util.List<Number> ids = JsonPath.read(json, "$[*].id");
		return ids.isEmpty() ? open("{\"kind\":\"POOL\",\"regionCode\":\"" + region + "\"}") : ids.get(0).longValue();
	}

	@Test
	void onePoolPerRegion() throws Exception {
		pool("150102002");
		mvc.perform(post("/api/timebank/accounts").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"POOL\",\"regionCode\":\"150102002\"}")).andExpect(status().isConflict());
	}

	@Test
	void badAmountsAndKindsAreRefusedNamingTheField() throws Exception {
		long pool = pool("150102001");
		for (Object minutes : new Object[] { 0, -5, 1.5 }) {
			transfer(UUID.randomUUID().toString(), personal, pool, minutes, "DONATION")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("minutes"))
				.andExpect(jsonPath("$.detail").value(containsString("时长（分钟）")));
		}
		transfer(UUID.randomUUID().toString(), personal, pool, 181, "DONATION").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("余额不足")));
		transfer(UUID.randomUUID().toString(), personal, pool, 10, "DEPOSIT").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		transfer(UUID.randomUUID().toString(), personal, pool, 10, "GRANT").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		assertThat(balance(personal)).isEqualTo(180);
	}

	@Test
	void groupHoursAreOnlyDonated() throws Exception {
		long team = f.team("150102001");
		long group = open("{\"kind\":\"GROUP\",\"teamId\":" + team + "}");
		transfer(UUID.randomUUID().toString(), personal, group, 60, "DONATION").andExpect(status().isCreated());
		transfer(UUID.randomUUID().toString(), group, elder(), 30, "GRANT").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("只能捐赠")));
		transfer(UUID.randomUUID().toString(), group, pool("150102001"), 30, "DONATION")
			.andExpect(status().isCreated());
	}

	@Test
	void personalAccountsStopAtTheCap() throws Exception {
		long other = f.volunteer("150102001");
		f.confirm(f.hours(project, other, 2, 9, 60));
		long receiver = accountOf(other);
		// a cap of 100 minutes for the province instead of storing 1,500 hours first
		jdbc.sql("DELETE FROM timebank_rule WHERE province_code = '15'").update();
		jdbc.sql("INSERT INTO timebank_rule (province_code, cap_minutes, pool_limit_minutes) VALUES ('15', 100, 600)")
			.update();
		try {
			mvc.perform(post("/api/timebank/relatives").with(TestAccounts.as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"volunteerId":%d,"relativeVolunteerId":%d,"relation":"配偶"}""".formatted(volunteer, other)))
				.andExpect(status().isCreated());
			transfer(UUID.randomUUID().toString(), personal, receiver, 41, "GIFT").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("minutes"))
				.andExpect(jsonPath("$.detail").value(containsString("存储上限")));
			transfer(UUID.randomUUID().toString(), personal, receiver, 40, "GIFT").andExpect(status().isCreated());
			assertThat(balance(receiver)).isEqualTo(100);
			// a deposit over the cap goes on to the pool
			long pool = pool("150102001");
			long poolBefore = balance(pool);
			f.confirm(f.hours(project, other, 3, 9, 50));
			assertThat(balance(receiver)).isEqualTo(100);
			assertThat(balance(pool)).isEqualTo(poolBefore + 50);
		}
		finally {
			jdbc.sql("DELETE FROM timebank_rule WHERE province_code = '15'").update();
		}
	}

	@Test
	void reconciliationFindsTheLedgerBalanced() throws Exception {
		mvc.perform(get("/api/timebank/reconciliation").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.postingsSum").value(0))
			.andExpect(jsonPath("$.unbalancedTransfers").value(0))
			.andExpect(jsonPath("$.mismatches").isEmpty());
		String leader = TestAccounts.create(accounts, Role.LEADER, "150102");
		mvc.perform(get("/api/timebank/reconciliation").with(TestAccounts.as(leader))).andExpect(status().isForbidden());
	}

	@Test
	void postgresRefusesChangesToPostings() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(), "the trigger exists on PostgreSQL only");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("UPDATE timebank_posting SET minutes = minutes + 1").update())
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM timebank_posting").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void theLedgerRefusesDanglingReferencesAndKeepsItsParents() {
		// foreign keys on H2; on PostgreSQL one check per statement, and parents that are never deleted
		long transfer = jdbc.sql("SELECT MAX(transfer_id) FROM timebank_posting WHERE account_id = :a")
			.param("a", personal)
			.query(Long.class)
			.single();
		long missing = 1L << 40;
		long before = postingsAndTransfers();
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO timebank_posting (transfer_id, account_id, minutes, balance_after, posted_at)
				VALUES (:t, :a, 0, 0, CURRENT_TIMESTAMP)""").param("t", missing).param("a", personal).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO timebank_posting (transfer_id, account_id, minutes, balance_after, posted_at)
				VALUES (:t, :a, 0, 0, CURRENT_TIMESTAMP)""").param("t", transfer).param("a", missing).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO timebank_transfer (kind, from_account_id, to_account_id, minutes, created_at)
				VALUES ('GIFT', :a, :b, 1, CURRENT_TIMESTAMP)""").param("a", personal).param("b", missing).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO timebank_request (caller, request_key, fingerprint, transfer_id)
				VALUES ('test', :k, 'x', :t)""").param("k", "dangling-" + System.nanoTime()).param("t", missing).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM timebank_transfer WHERE id = :t").param("t", transfer).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM timebank_account WHERE id = :a").param("a", personal).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE timebank_account SET id = :b WHERE id = :a")
			.param("a", personal)
			.param("b", missing)
			.update()).isInstanceOf(DataAccessException.class);
		assertThat(postingsAndTransfers()).isEqualTo(before);
		assertThat(balance(personal)).isEqualTo(180);
	}

	long postingsAndTransfers() {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM timebank_posting) + (SELECT COUNT(*) FROM timebank_transfer)")
			.query(Long.class)
			.single();
	}

}
