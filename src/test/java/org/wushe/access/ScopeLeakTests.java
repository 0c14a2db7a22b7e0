package org.wushe.access;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A county user of 新城区 (150102) asks for what belongs to the sibling county 赛罕区 (150105) — accounts, audit
 * entries, regions — by id and by listing, and gets nothing.
 */
@IntegrationTest
class ScopeLeakTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String xincheng;

	String saihan;

	long saihanWorkerId;

	String saihanWorker;

	@BeforeEach
	void setUp() {
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		saihanWorker = TestAccounts.create(accounts, Role.STATION_WORKER, "150105001");
		saihanWorkerId = accounts.list(new org.wushe.region.RegionScope(org.wushe.region.RegionCode.parse("150105")),
				org.wushe.region.RegionCode.parse("150105"), saihanWorker, 0, 10)
			.get(0)
			.id();
	}

	@Test
	void siblingAccountsAreInvisibleInListings() throws Exception {
		mvc.perform(get("/api/accounts").param("q", xincheng).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", hasItem(xincheng)));
		mvc.perform(get("/api/accounts").param("q", saihanWorker).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/accounts").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", not(hasItem(saihanWorker))))
			.andExpect(jsonPath("$[*].regionCode", not(hasItem(containsString("150105")))));
		mvc.perform(get("/api/accounts").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/accounts").param("within", "1501").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", not(hasItem(saihanWorker))));
		mvc.perform(get("/accounts").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/accounts").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(saihanWorker))));
	}

	@Test
	void siblingAccountByIdIsNotFound() throws Exception {
		mvc.perform(get("/api/accounts/{id}", saihanWorkerId).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("不存在")));
		mvc.perform(post("/api/accounts/{id}/unlock", saihanWorkerId).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		// the owner of the scope does see it
		mvc.perform(get("/api/accounts/{id}", saihanWorkerId).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(saihanWorker));
	}

	@Test
	void siblingAuditEntriesAreInvisible() throws Exception {
		// saihan's login is audited on 150105
		mvc.perform(get("/api/accounts/me").with(TestAccounts.as(saihan))).andExpect(status().isOk());
		mvc.perform(get("/api/audit").param("actor", saihan).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].actor", hasItem(saihan)));
		mvc.perform(get("/api/audit").param("actor", saihan).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/audit").param("size", "500").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].regionCode", not(hasItem(containsString("150105")))))
			.andExpect(jsonPath("$[*].actor", not(hasItem(saihan))));
		mvc.perform(get("/audit").param("actor", saihan).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("150105"))));
	}

	@Test
	void siblingRegionsAreNotFound() throws Exception {
		mvc.perform(get("/api/regions/150105").with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/regions/150105001").with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/regions/150105/children").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/regions/1501").with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/regions/150105").with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/regions").param("q", "街道").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		// searching without a bound stays inside the own county
		mvc.perform(get("/api/regions").param("q", "街道").param("limit", "200").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("150102001")))
			.andExpect(jsonPath("$[*].code", not(hasItem(containsString("150105")))));
	}

	@Test
	void accountsCannotBeCreatedOutsideTheScopeNorWithMorePower() throws Exception {
		String body = """
				{"username":"%s","displayName":"x","regionCode":"%s","role":"%s","password":"abcdefghij1"}""";
		mvc.perform(post("/api/accounts").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("leak-" + System.nanoTime(), "150105001", "STATION_WORKER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.detail").value(containsString("管辖范围")));
		mvc.perform(post("/api/accounts").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("power-" + System.nanoTime(), "150102", "ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("role")));
		mvc.perform(post("/api/accounts").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("level-" + System.nanoTime(), "150102001", "COUNTY_STAFF")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.detail").value(containsString("乡级")));
		// a station worker cannot create accounts at all
		mvc.perform(post("/api/accounts").with(TestAccounts.as(saihanWorker))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("worker-" + System.nanoTime(), "150105001", "STATION_WORKER")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("权限")));
	}

	@Test
	void aCountyUserCreatesAStationWorkerInside() throws Exception {
		String name = "ok-" + System.nanoTime();
		mvc.perform(post("/api/accounts").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"驻站社工","regionCode":"150102001000","role":"STATION_WORKER"}"""
				.formatted(name)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.account.regionCode").value("150102001"))
			.andExpect(jsonPath("$.account.mustChangePassword").value(true))
			.andExpect(jsonPath("$.generatedPassword").isString());
		mvc.perform(get("/api/audit").param("action", "account.create").with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$[*].actor", hasItem(xincheng)));
	}

}
