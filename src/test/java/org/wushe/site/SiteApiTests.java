package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class SiteApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	SiteService sites;

	@Autowired
	JdbcClient jdbc;

	SiteFixtures fixtures;

	String saihan;

	String xincheng;

	@BeforeEach
	void setUp() {
		fixtures = new SiteFixtures(sites, jdbc);
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	static String station(String region, String name, String status) {
		return """
				{"type": "STATION", "regionCode": "%s", "name": "%s", "address": "人民路 1 号", "phone": "0471-6601234",
				 "status": "%s", "openingHours": "周一至周五",
				 "serviceItems": [{"name": "养老服务", "description": "独居老人探访"}],
				 "staff": [{"name": "王丽", "post": "站长", "phone": "13812345678", "phonePublic": false},
				           {"name": "李强", "post": "驻站社工", "phone": "13900001111", "phonePublic": true}]}
				""".formatted(region, name, status);
	}

	long create(String user, String body) throws Exception {
		MvcResult r = mvc
			.perform(post("/api/sites").with(TestAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	@Test
	void createReadAndListAStation() throws Exception {
		fixtures.free("150105001");
		String name = SiteFixtures.unique("人民路街道社工站");
		MvcResult r = mvc
			.perform(post("/api/sites").with(TestAccounts.as(saihan))
				.contentType(MediaType.APPLICATION_JSON)
				.content(station("150105001", name, "OPERATING")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("STATION"))
			.andExpect(jsonPath("$.regionName").value("人民路街道"))
			.andExpect(jsonPath("$.status").value("OPERATING"))
			.andExpect(jsonPath("$.openedOn").isNotEmpty())
			.andExpect(jsonPath("$.staff[0].phone").value("138****5678"))
			.andExpect(jsonPath("$.staff[1].phone").value("13900001111"))
			.andExpect(jsonPath("$.publicUrl").value(containsString("/public/sites/")))
			.andReturn();
		String json = r.getResponse().getContentAsString();
		assertThat(json).doesNotContain("13812345678");
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();

		mvc.perform(get("/api/sites/{id}", id).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.serviceItems[0].description").value("独居老人探访"))
			.andExpect(jsonPath("$.staff[0].phone").value("138****5678"));
		mvc.perform(get("/api/sites").param("within", "150105").param("q", name).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem((int) id)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'site.create' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void invalidFieldsAreNamedInChinese() throws Exception {
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type": "TOWER", "regionCode": "150105001", "name": " ", "phone": "abc", "status": "OPEN"}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("type")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("phone")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("status")))
			.andExpect(jsonPath("$.detail").value(containsString("阵地类型：")))
			.andExpect(jsonPath("$.detail").value(containsString("联系电话：“abc”不是有效的电话号码")));
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150105", "x", "OPERATING")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].message").value("乡镇（街道）社工站应设在乡级（乡镇街道）区划上，所填区划是县级（旗县区）"));
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"STATION\", \"regionCode\": \"150105999\", \"name\": \"x\", \"status\": \"PLANNED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("区划“150105999”不存在"));
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"STATION\", \"regionCode\": \"150105001\", \"name\": \"x\", \"status\": \"OPERATING\", "
					+ "\"latitude\": 111.7, \"longitude\": 40.8}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("填反")));
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan)).contentType(MediaType.APPLICATION_JSON).content("{"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void parametersOutsideTheFormKeepTheSharedLabels() throws Exception {
		mvc.perform(get("/api/sites").param("within", "15x").with(TestAccounts.as(saihan)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("within"))
			.andExpect(jsonPath("$.detail").value(containsString("区划范围：区划代码“15x”格式不正确")));
	}

	@Test
	void oneActiveSitePerRegion() throws Exception {
		fixtures.free("150105002");
		long first = create(saihan, station("150105002", SiteFixtures.unique("大学西路街道社工站"), "OPERATING"));
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150105002", SiteFixtures.unique("第二个"), "PLANNED")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("编号 " + first)));
		// a closed site may sit beside the active one
		long closed = create(saihan, station("150105002", SiteFixtures.unique("旧站"), "CLOSED"));
		assertThat(closed).isNotEqualTo(first);
		// closing the first frees the region for a new one ...
		mvc.perform(put("/api/sites/{id}", first).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150105002", "已撤销", "CLOSED")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closedOn").isNotEmpty())
			.andExpect(jsonPath("$.staff[0].phone").value("138****5678"));
		long second = create(saihan, station("150105002", SiteFixtures.unique("新站"), "OPERATING"));
		// ... and then the old one cannot come back
		mvc.perform(put("/api/sites/{id}", first).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150105002", "复用", "OPERATING")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("编号 " + second)));
	}

	@Test
	void updateKeepsMaskedPhonesAndChecksTheVersion() throws Exception {
		fixtures.free("150105003");
		long id = create(saihan, station("150105003", SiteFixtures.unique("乌兰察布东路街道社工站"), "OPERATING"));
		String read = mvc.perform(get("/api/sites/{id}", id).with(TestAccounts.as(saihan)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String changed = read.replace("人民路 1 号", "人民路 2 号");
		mvc.perform(put("/api/sites/{id}", id).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(changed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.address").value("人民路 2 号"))
			.andExpect(jsonPath("$.version").value(1));
		assertThat(sites.get(id, SiteFixtures.EVERYWHERE).staff().get(0).phone()).isEqualTo("13812345678");
		// the same body again carries version 0: someone else has saved meanwhile
		mvc.perform(put("/api/sites/{id}", id).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(changed))
			.andExpect(status().isConflict());
		mvc.perform(put("/api/sites/{id}", id).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150105004", "x", "OPERATING")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
	}

	@Test
	void anotherCountysSitesDoNotExist() throws Exception {
		Site other = fixtures.create(SiteType.STATION, "150102004", SiteFixtures.unique("东街街道社工站"),
				SiteStatus.OPERATING);
		mvc.perform(get("/api/sites/{id}", other.id()).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/{id}", other.id()).with(TestAccounts.as(xincheng))).andExpect(status().isOk());
		mvc.perform(put("/api/sites/{id}", other.id()).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150102004", "x", "CLOSED"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites").param("q", other.name()).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(not(hasItem(other.id().intValue()))));
		mvc.perform(get("/api/sites").param("within", "150102").with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/sites").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150102005", "x", "OPERATING"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/coverage").param("region", "150102").with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/coverage/children").param("region", "1501").with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
	}

	@Test
	void readersCannotWriteAndStrangersCannotRead() throws Exception {
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(post("/api/sites").with(TestAccounts.as(leader))
			.contentType(MediaType.APPLICATION_JSON)
			.content(station("150105005", "x", "OPERATING"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/sites/coverage").param("region", "15").with(TestAccounts.as(leader)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/sites")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/sites/abc").with(TestAccounts.as(saihan))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/sites/coverage").param("region", "15x").with(TestAccounts.as(saihan)))
			.andExpect(status().isBadRequest());
	}

}
