package org.wushe.actor.community;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
class CommunityApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String xincheng;

	String saihan;

	@BeforeEach
	void setUp() {
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
	}

	/** A village of the county without a community record yet (tests share the database). */
	String freeVillage(String county) {
		List<String> taken = jdbc.sql("SELECT region_code FROM community").query(String.class).list();
		return jdbc.sql("SELECT code FROM region WHERE level = 5 AND code >= :from AND code < :to ORDER BY code")
			.param("from", county)
			.param("to", String.valueOf(Long.parseLong(county) + 1))
			.query(String.class)
			.list()
			.stream()
			.filter(c -> !taken.contains(c))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void recordsACommunityWithItsGroups() throws Exception {
		String village = freeVillage("150102");
		String phone = ActorTestData.mobile();
		mvc.perform(post("/api/communities").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode":"%s","committeeName":"居委会","contactPerson":"王主任","contactPhone":"%s","households":"1200"}"""
				.formatted(village, phone)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.regionCode").value(village))
			.andExpect(jsonPath("$.contactPhone").value(containsString("****")))
			.andExpect(jsonPath("$.households").value(1200))
			.andExpect(content().string(not(containsString(phone))));
		mvc.perform(post("/api/communities").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"%s\"}".formatted(village)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("已登记")));
		mvc.perform(post("/api/communities").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"150102001\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("不是村级")));
		mvc.perform(post("/api/communities/{code}/groups", village).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"夕阳红舞蹈队","kind":"CULTURE_SPORTS","registered":"false","leader":"李阿姨","members":"18"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.registered").value(false))
			.andExpect(jsonPath("$.members").value(18));
		mvc.perform(get("/api/communities/{code}/groups", village).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$[*].name").value(hasItem("夕阳红舞蹈队")));
		mvc.perform(put("/api/communities/{code}", village).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"committeeName\":\"社区居委会\",\"residents\":\"3500\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.committeeName").value("社区居委会"))
			.andExpect(jsonPath("$.groups").value(1))
			.andExpect(jsonPath("$.contactPhone").value(containsString("****")));
		mvc.perform(get("/communities/{code}", village).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("夕阳红舞蹈队")))
			.andExpect(content().string(not(containsString(phone))));
	}

	@Test
	void siblingCommunitiesStayHidden() throws Exception {
		String village = freeVillage("150105");
		mvc.perform(post("/api/communities").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"%s\",\"committeeName\":\"赛罕村委\"}".formatted(village)))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/communities").param("size", "500").with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$[*].regionCode").value(not(hasItem(village))));
		mvc.perform(get("/api/communities/{code}", village).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/communities/{code}/groups", village).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/communities/{code}", village).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/communities/{code}/groups", village).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"kind\":\"OTHER\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/communities").with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"%s\"}".formatted(freeVillage("150105"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("管辖范围")));
		mvc.perform(get("/api/communities").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/communities/{code}", village).with(TestAccounts.as(saihan))).andExpect(status().isOk());
	}

}
