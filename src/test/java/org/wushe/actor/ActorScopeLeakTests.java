package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * A county user of 新城区 (150102) asks for organizations, social workers and volunteers of the sibling county 赛罕区
 * (150105) — by listing, by id, by export, by counts and by writing — and gets nothing; the owner of the scope does.
 */
@IntegrationTest
class ActorScopeLeakTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String xincheng;

	String saihan;

	String tag;

	long organization;

	long worker;

	long volunteer;

	@BeforeEach
	void setUp() throws Exception {
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		tag = "赛罕" + System.nanoTime() % 1000000;
		organization = create("/api/organizations", """
				{"name":"%s机构","creditCode":"%s","kind":"SOCIAL_WORK_AGENCY","regionCode":"150105001"}"""
			.formatted(tag, ActorTestData.creditCode("150105")));
		worker = create("/api/workers", """
				{"name":"%s社工","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150105001"}"""
			.formatted(tag, ActorTestData.idNumber("150105")));
		volunteer = create("/api/volunteers", """
				{"name":"%s志愿者","idNumber":"%s","regionCode":"150105001"}""".formatted(tag, ActorTestData.idNumber("150105")));
	}

	long create(String path, String body) throws Exception {
		String json = mvc.perform(post(path).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void siblingRowsAreNotListed() throws Exception {
		for (String path : List.of("/api/organizations", "/api/workers", "/api/volunteers")) {
			mvc.perform(get(path).param("size", "500").with(TestAccounts.as(xincheng)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].regionCode", not(hasItem(containsString("150105")))))
				.andExpect(content().string(not(containsString(tag))));
			mvc.perform(get(path).param("q", tag).with(TestAccounts.as(xincheng)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$").isEmpty());
			mvc.perform(get(path).param("within", "150105").with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(get(path + "/counts").param("within", "150105").with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(get(path + "/counts").with(TestAccounts.as(xincheng)))
				.andExpect(content().string(not(containsString("150105"))));
			// the owner sees them
			mvc.perform(get(path).param("q", tag).with(TestAccounts.as(saihan)))
				.andExpect(jsonPath("$.length()").value(1));
		}
		for (String page : List.of("/organizations", "/workers", "/volunteers")) {
			mvc.perform(get(page).with(TestAccounts.as(xincheng)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(tag))));
			mvc.perform(get(page).param("within", "150105").with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(get(page).param("q", tag).with(TestAccounts.as(saihan)))
				.andExpect(content().string(containsString(tag)));
		}
	}

	@Test
	void siblingRowsAreNotFoundById() throws Exception {
		record Target(String api, String page, long id) {
		}
		for (Target t : List.of(new Target("/api/organizations", "/organizations", organization),
				new Target("/api/workers", "/workers", worker), new Target("/api/volunteers", "/volunteers", volunteer))) {
			mvc.perform(get(t.api() + "/{id}", t.id()).with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(containsString("不存在")));
			mvc.perform(get(t.api() + "/{id}/personal-data", t.id()).with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(put(t.api() + "/{id}", t.id()).with(TestAccounts.as(xincheng))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"}")).andExpect(status().isNotFound());
			mvc.perform(get(t.page() + "/{id}", t.id()).with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(tag))));
			mvc.perform(get(t.page() + "/{id}/edit", t.id()).with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(get(t.page() + "/{id}/personal-data", t.id()).with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(get(t.api() + "/{id}", t.id()).with(TestAccounts.as(saihan))).andExpect(status().isOk());
			mvc.perform(get(t.page() + "/{id}/personal-data", t.id()).with(TestAccounts.as(saihan)))
				.andExpect(status().isOk());
		}
		mvc.perform(get("/api/workers/{id}/trainings", worker).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/workers/{id}/trainings", worker).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"course\":\"x\",\"hours\":\"1\",\"takenOn\":\"2024-01-01\"}")).andExpect(status().isNotFound());
	}

	@Test
	void siblingRowsAreNotExported() throws Exception {
		for (String page : List.of("/organizations", "/workers", "/volunteers")) {
			byte[] xlsx = mvc.perform(get(page + "/export").with(TestAccounts.as(xincheng)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(ActorWorkbooks.read(xlsx).toString()).doesNotContain(tag).doesNotContain("150105");
			mvc.perform(get(page + "/export").param("within", "150105").with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			byte[] own = mvc.perform(get(page + "/export").param("q", tag).with(TestAccounts.as(saihan)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(ActorWorkbooks.read(own).toString()).contains(tag);
		}
	}

	@Test
	void siblingCommunitiesAreNotExportedAndPhonesAreMasked() throws Exception {
		List<String> taken = jdbc.sql("SELECT region_code FROM community").query(String.class).list();
		String village = jdbc.sql("SELECT code FROM region WHERE level = 5 AND code >= '150105' AND code < '150106'")
			.query(String.class)
			.list()
			.stream()
			.filter(c -> !taken.contains(c))
			.findFirst()
			.orElseThrow();
		String phone = ActorTestData.mobile();
		mvc.perform(post("/api/communities").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode":"%s","committeeName":"%s居委会","contactPerson":"王主任","contactPhone":"%s"}"""
				.formatted(village, tag, phone))).andExpect(status().isCreated());
		byte[] xlsx = mvc.perform(get("/communities/export").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(ActorWorkbooks.read(xlsx).toString()).doesNotContain(tag).doesNotContain(village);
		mvc.perform(get("/communities/export").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		String own = ActorWorkbooks.read(mvc.perform(get("/communities/export").param("q", tag)
			.with(TestAccounts.as(saihan))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
			.toString();
		assertThat(own).contains(tag + "居委会", village).doesNotContain(phone);
		String full = ActorWorkbooks.read(mvc.perform(get("/communities/export").param("q", tag)
			.param("full", "true")
			.with(TestAccounts.as(saihan))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
			.toString();
		assertThat(full).contains(phone);
	}

	@Test
	void employersOutsideTheScopeCannotBeNamed() throws Exception {
		mvc.perform(post("/api/workers").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"越界","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102","employerId":"%d"}"""
				.formatted(ActorTestData.idNumber("150102"), organization)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("employerId"));
	}

}
