package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PhoneNumber;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * Full ID numbers and phones never reach a user without {@code personal-data:view} — not in HTML, JSON or exported
 * workbooks — and a permitted user's full reads and full exports are audited.
 */
@IntegrationTest
class PersonalDataLeakTests {

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
		idNumber = ActorTestData.idNumber("150102");
		phone = ActorTestData.mobile();
		orgPhone = ActorTestData.mobile();
		tag = "隐私" + System.nanoTime() % 1000000;
		worker = create("/api/workers", """
				{"name":"%s","gender":"FEMALE","idNumber":"%s","phone":"%s","qualification":"NONE","regionCode":"150102"}"""
			.formatted(tag, idNumber, phone));
		volunteer = create("/api/volunteers", """
				{"name":"%s","idNumber":"%s","phone":"%s","regionCode":"150102"}""".formatted(tag, idNumber, phone));
		organization = create("/api/organizations", """
				{"name":"%s","creditCode":"%s","kind":"OTHER","regionCode":"150102","contactPhone":"%s"}"""
			.formatted(tag, ActorTestData.creditCode("150102"), orgPhone));
	}

	long create(String path, String body) throws Exception {
		String json = mvc.perform(post(path).with(TestAccounts.as(stationWorker))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(json).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(orgPhone);
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	void assertNoFullValues(String text) {
		assertThat(text).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(orgPhone);
	}

	@Test
	void htmlJsonAndExcelStayMaskedWithoutThePermission() throws Exception {
		for (String user : List.of(stationWorker, leader)) {
			for (String url : List.of("/workers", "/workers/" + worker, "/volunteers", "/volunteers/" + volunteer,
					"/organizations", "/organizations/" + organization, "/workers?q=" + idNumber,
					"/volunteers?q=" + phone)) {
				String html = mvc.perform(get(url).with(TestAccounts.as(user)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertNoFullValues(html);
				assertThat(html).doesNotContain("reveal");
			}
			for (String url : List.of("/api/workers", "/api/workers/" + worker, "/api/volunteers",
					"/api/volunteers/" + volunteer, "/api/organizations", "/api/organizations/" + organization)) {
				assertNoFullValues(mvc.perform(get(url).with(TestAccounts.as(user)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
			}
			for (String base : List.of("/workers", "/volunteers", "/organizations")) {
				byte[] xlsx = mvc.perform(get(base + "/export").param("q", tag).with(TestAccounts.as(user)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray();
				String cells = ActorWorkbooks.read(xlsx).toString();
				assertThat(cells).contains(tag);
				assertNoFullValues(cells);
				mvc.perform(get(base + "/export").param("full", "true").with(TestAccounts.as(user)))
					.andExpect(status().isForbidden());
				mvc.perform(get(base + "/" + (base.equals("/workers") ? worker
						: base.equals("/volunteers") ? volunteer : organization) + "/personal-data")
					.with(TestAccounts.as(user))).andExpect(status().isForbidden());
			}
		}
		String masked = ActorWorkbooks
			.read(mvc.perform(get("/workers/export").param("q", tag).with(TestAccounts.as(county)))
				.andReturn()
				.getResponse()
				.getContentAsByteArray())
			.toString();
		assertThat(masked).contains(IdNumber.mask(idNumber)).contains(PhoneNumber.mask(phone));
		assertNoFullValues(masked);
	}

	@Test
	void aPermittedFullReadIsAudited() throws Exception {
		String fragment = mvc.perform(get("/workers/{id}/personal-data", worker).with(TestAccounts.as(county))
			.header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains(idNumber).contains(phone);
		mvc.perform(get("/volunteers/{id}", volunteer).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("reveal")))
			.andExpect(content().string(not(containsString(idNumber))));
		mvc.perform(get("/api/audit").param("action", "personal-data.view").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[?(@.entityType == 'social-worker')].entityId").value(hasItem(String.valueOf(worker))))
			.andExpect(jsonPath("$[?(@.entityId == '%d')].actor".formatted(worker)).value(hasItem(county)));
	}

	@Test
	void aPermittedFullExportContainsTheValuesAndIsAudited() throws Exception {
		for (String base : List.of("/workers", "/volunteers", "/organizations")) {
			byte[] xlsx = mvc.perform(get(base + "/export").param("q", tag).param("full", "true")
				.with(TestAccounts.as(county))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			String cells = ActorWorkbooks.read(xlsx).toString();
			if (base.equals("/organizations")) {
				assertThat(cells).contains(orgPhone);
			}
			else {
				assertThat(cells).contains(idNumber).contains(phone);
			}
		}
		mvc.perform(get("/api/audit").param("action", "personal-data.export").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].entityType").value(hasItem("social-worker")))
			.andExpect(jsonPath("$[*].entityType").value(hasItem("volunteer")))
			.andExpect(jsonPath("$[*].entityType").value(hasItem("organization")))
			.andExpect(jsonPath("$[?(@.entityType == 'volunteer')].actor").value(hasItem(county)))
			.andExpect(jsonPath("$[?(@.entityType == 'volunteer')].detail").value(hasItem(containsString(tag))));
	}

}
