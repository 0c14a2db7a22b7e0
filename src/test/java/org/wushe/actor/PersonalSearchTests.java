package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.wushe.personal.IdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * A masked ID number or phone cannot be recovered by searching for guesses: an exact search by a full number needs
 * the permission to view personal data (otherwise it matches nothing and says so), is audited, and is limited per
 * user.
 */
@IntegrationTest
class PersonalSearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String county;

	String stationWorker;

	String leader;

	String idNumber;

	String phone;

	String orgPhone;

	long worker;

	long volunteer;

	long organization;

	String tag;

	@BeforeEach
	void setUp() throws Exception {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		stationWorker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102");
		leader = TestAccounts.create(accounts, Role.LEADER, "150102");
		tag = "寻号" + System.nanoTime() % 1_000_000;
		idNumber = ActorTestData.idNumber("150102");
		phone = ActorTestData.mobile();
		orgPhone = ActorTestData.mobile();
		worker = create("/api/workers", """
				{"name":"%s甲","gender":"FEMALE","idNumber":"%s","phone":"%s","qualification":"NONE","regionCode":"150102"}"""
			.formatted(tag, idNumber, phone));
		volunteer = create("/api/volunteers", """
				{"name":"%s乙","idNumber":"%s","phone":"%s","regionCode":"150102"}""".formatted(tag, idNumber, phone));
		organization = create("/api/organizations", """
				{"name":"%s丙","creditCode":"%s","kind":"OTHER","regionCode":"150102","contactPhone":"%s"}"""
			.formatted(tag, ActorTestData.creditCode("150102"), orgPhone));
	}

	long create(String path, String body) throws Exception {
		String json = mvc.perform(post(path).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void withoutThePermissionAFullNumberMatchesNothingAndTheAnswerSaysSo() throws Exception {
		for (String user : List.of(leader, stationWorker)) {
			for (String[] search : List.of(new String[] { "/api/workers", idNumber }, new String[] { "/api/workers", phone },
					new String[] { "/api/volunteers", idNumber }, new String[] { "/api/volunteers", phone },
					new String[] { "/api/organizations", orgPhone })) {
				mvc.perform(get(search[0]).param("q", search[1]).with(TestAccounts.as(user)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$", hasSize(0)))
					.andExpect(header().string("X-Search-Needs-Permission", "personal-data:view"));
			}
			mvc.perform(get("/api/volunteers").param("q", tag + "乙").with(TestAccounts.as(user)))
				.andExpect(jsonPath("$[*].id", hasItem((int) volunteer)));
			for (String page : List.of("/workers?q=" + idNumber, "/volunteers?q=" + phone,
					"/organizations?q=" + orgPhone)) {
				mvc.perform(get(page).with(TestAccounts.as(user)))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("id=\"search-refused\"")))
					.andExpect(content().string(not(containsString(tag))));
			}
		}
	}

	@Test
	void aPermittedExactSearchFindsTheRecordAndIsAuditedWithTheMaskedNumberOnly() throws Exception {
		mvc.perform(get("/api/workers").param("q", idNumber).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].id", hasItem((int) worker)))
			.andExpect(header().doesNotExist("X-Search-Needs-Permission"));
		mvc.perform(get("/api/organizations").param("q", orgPhone).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].id", hasItem((int) organization)));
		String audit = mvc.perform(get("/api/audit").param("action", "personal-data.search")
			.with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[?(@.actor == '%s')].entityType".formatted(county),
					hasItem("social-worker")))
			.andExpect(jsonPath("$[?(@.actor == '%s')].entityType".formatted(county), hasItem("organization")))
			.andReturn().getResponse().getContentAsString();
		assertThat(audit).doesNotContain(idNumber).doesNotContain(orgPhone).contains(IdNumber.mask(idNumber));
	}

	@Test
	void exactSearchesAreLimitedPerUser() throws Exception {
		String busy = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		for (int i = 0; i < 20; i++) {
			mvc.perform(get("/api/volunteers").param("q", phone).with(TestAccounts.as(busy)))
				.andExpect(status().isOk());
		}
		mvc.perform(get("/api/volunteers").param("q", idNumber).with(TestAccounts.as(busy)))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("过于频繁")));
		mvc.perform(get("/api/volunteers").param("q", tag + "乙").with(TestAccounts.as(busy)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/volunteers").param("q", phone).with(TestAccounts.as(county)))
			.andExpect(status().isOk());
	}

}
