package org.wushe.actor.worker;

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
import org.springframework.test.web.servlet.MvcResult;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.personal.IdNumber;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.site.Site;
import org.wushe.site.SiteInput;
import org.wushe.site.SiteService;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SocialWorkerApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String county;

	String stationWorker;

	@Autowired
	SiteService sites;

	/** Two rooms in villages of 150102001, operating: sites a worker may be posted to. */
	long roomA;

	long roomB;

	@BeforeEach
	void setUp() {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		stationWorker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		List<Long> rooms = operating("150102001", 2);
		roomA = rooms.get(0);
		roomB = rooms.get(1);
	}

	/** {@code n} operating sites of {@code township}, created if there are fewer (tests share the database). */
	List<Long> operating(String township, int n) {
		List<Long> ids = new java.util.ArrayList<>(jdbc.sql("""
				SELECT id FROM site WHERE status = 'OPERATING' AND region_code >= :from AND region_code < :to
				ORDER BY id
				""")
			.param("from", township)
			.param("to", String.valueOf(Long.parseLong(township) + 1))
			.query(Long.class)
			.list());
		while (ids.size() < n) {
			ids.add(room(township, "OPERATING"));
		}
		return ids.subList(0, n);
	}

	/** A new room in a village of {@code township} without an active site (tests share the database). */
	long room(String township, String status) {
		String village = jdbc.sql("""
				SELECT code FROM region WHERE level = 5 AND code >= :from AND code < :to
				  AND code NOT IN (SELECT active_region FROM site WHERE active_region IS NOT NULL)
				ORDER BY code
				""")
			.param("from", township)
			.param("to", String.valueOf(Long.parseLong(township) + 1))
			.query(String.class)
			.list()
			.get(0);
		return sites.create(new SiteInput("ROOM", village, "社工室" + System.nanoTime() % 1000000, null, null, null,
				null, null, null, null, status, null, null, null, null, null, null, null),
				new RegionScope(RegionCode.COUNTRY)).id();
	}

	long register(String user, String idNumber, String phone, String qualification, String region) throws Exception {
		MvcResult r = mvc.perform(post("/api/workers").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"其木格","gender":"FEMALE","idNumber":"%s","phone":"%s","qualification":"%s",
					 "certificateNumber":"Z2023150100123","regionCode":"%s","siteIds":["%d","%d"]}"""
				.formatted(idNumber, phone, qualification, region, roomA, roomB)))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	@Test
	void registersAWorkerAndShowsPersonalDataMaskedEverywhere() throws Exception {
		String idNumber = ActorTestData.idNumber("150102");
		String phone = ActorTestData.mobile();
		MvcResult created = mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"巴特尔","gender":"MALE","idNumber":"%s","phone":"%s","qualification":"SOCIAL_WORKER",
					 "certificateNumber":"Z2023150100999","regionCode":"150102001"}""".formatted(idNumber, phone)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.idNumber").value(IdNumber.mask(idNumber)))
			.andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
			.andExpect(jsonPath("$.qualification").value("SOCIAL_WORKER"))
			.andExpect(jsonPath("$.gender").value("MALE"))
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString(phone))))
			.andReturn();
		long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
		mvc.perform(get("/api/workers/{id}", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString(phone))))
			.andExpect(jsonPath("$.idNumber").value(IdNumber.mask(idNumber)));
		mvc.perform(get("/api/workers").param("q", idNumber).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) id)))
			.andExpect(content().string(not(containsString(idNumber))));
		mvc.perform(get("/api/workers").param("q", "BTE").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		// nothing in the database holds the plain values
		String row = jdbc.sql("SELECT id_number_cipher || '|' || id_number_hash || '|' || phone_cipher FROM social_worker WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(idNumber).doesNotContain(phone);
	}

	@Test
	void fullPersonalDataNeedsThePermissionAndIsAudited() throws Exception {
		String idNumber = ActorTestData.idNumber("150102");
		String phone = ActorTestData.mobile();
		long id = register(county, idNumber, phone, "NONE", "150102001");
		// a station worker may register but not see full personal data
		mvc.perform(get("/api/workers/{id}/personal-data", id).with(TestAccounts.as(stationWorker)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/workers/{id}/personal-data", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idNumber").value(idNumber))
			.andExpect(jsonPath("$.phone").value(phone));
		mvc.perform(get("/api/audit").param("action", "personal-data.view").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[?(@.entityType == 'social-worker' && @.entityId == '%s')].actor".formatted(id))
				.value(hasItem(county)))
			.andExpect(jsonPath("$[?(@.entityId == '%s')].detail".formatted(id)).value(hasItem("id-number,phone")));
	}

	@Test
	void refusesInvalidAndDuplicateIdNumbers() throws Exception {
		String idNumber = ActorTestData.idNumber("150102");
		String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"张三","gender":"X","idNumber":"%s","phone":"12345","qualification":"SOCIAL_WORKER","regionCode":"150102"}"""
				.formatted(wrongCheck)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("idNumber")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("gender")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("phone")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("certificateNumber")))
			.andExpect(jsonPath("$.detail").value(containsString("身份证号：校验码")))
			.andExpect(content().string(not(containsString(wrongCheck))));
		mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"张三","gender":"MALE","idNumber":"150102199902301234","qualification":"NONE","regionCode":"150102"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("出生日期")));
		register(county, idNumber, ActorTestData.mobile(), "NONE", "150102");
		mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"重复","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102"}"""
				.formatted(idNumber.toLowerCase())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("已登记")));
	}

	@Test
	void recordsTrainingsAndEdits() throws Exception {
		long id = register(county, ActorTestData.idNumber("150102"), ActorTestData.mobile(), "NONE", "150102");
		mvc.perform(post("/api/workers/{id}/trainings", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"course":"社会工作实务","hours":"16","takenOn":"2024-05-10"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.hours").value(16.0));
		mvc.perform(post("/api/workers/{id}/trainings", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"course":"","hours":"-1","takenOn":"2024-13-10"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3));
		mvc.perform(get("/api/workers/{id}/trainings", id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[0].course").value("社会工作实务"));
		mvc.perform(put("/api/workers/{id}", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"其木格","gender":"FEMALE","qualification":"ASSISTANT_SOCIAL_WORKER",
					 "certificateNumber":"A1","regionCode":"150102002","post":"SUPERVISOR","siteIds":["%d"]}"""
				.formatted(roomB)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.qualification").value("ASSISTANT_SOCIAL_WORKER"))
			.andExpect(jsonPath("$.post").value("SUPERVISOR"))
			.andExpect(jsonPath("$.siteIds[0]").value(roomB))
			.andExpect(jsonPath("$.idNumber").value(containsString("**********")));
	}

	@Test
	void postedSitesMustBeActiveSitesInScope() throws Exception {
		long otherCounty = operating("150105001", 1).get(0);
		long closed = room("150102001", "OPERATING");
		Site site = sites.get(closed, new RegionScope(RegionCode.COUNTRY));
		SiteInput in = SiteInput.of(site);
		sites.update(closed, new SiteInput(in.type(), in.regionCode(), in.name(), null, null, null, null, null, null,
				null, "CLOSED", null, null, null, null, null, null, in.version()), new RegionScope(RegionCode.COUNTRY));
		for (String ids : List.of("\"987654321\"", "\"" + otherCounty + "\"", "\"" + closed + "\"")) {
			mvc.perform(post("/api/workers").with(TestAccounts.as(county))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"阿拉坦","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102001",
						 "siteIds":[%s]}""".formatted(ActorTestData.idNumber("150102"), ids)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("siteIds"))
				.andExpect(jsonPath("$.detail").value(containsString("驻点阵地")));
		}
		mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"阿拉坦","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102001",
					 "siteIds":["%d"]}""".formatted(ActorTestData.idNumber("150102"), closed)))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已关闭")));
		mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"阿拉坦","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102001",
					 "siteIds":["%d"]}""".formatted(ActorTestData.idNumber("150102"), otherCounty)))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不存在或不在您的管辖范围内")));
		// the station worker of 150102001 may post to a room of that township
		mvc.perform(post("/api/workers").with(TestAccounts.as(stationWorker))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"阿拉坦","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102001",
					 "siteIds":["%d"]}""".formatted(ActorTestData.idNumber("150102"), roomA)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.siteIds[0]").value(roomA));
	}

	@Test
	void countsAllProfessionalsAndCertified() throws Exception {
		String before = mvc.perform(get("/api/workers/counts").param("within", "150102").with(TestAccounts.as(county)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int total = ((Number) JsonPath.read(before, "$.total.total")).intValue();
		java.util.Map<String, Object> counts = JsonPath.read(before, "$.total.counts");
		int certified = counts.containsKey("certified") ? ((Number) counts.get("certified")).intValue() : 0;
		register(county, ActorTestData.idNumber("150102"), ActorTestData.mobile(), "SENIOR_SOCIAL_WORKER", "150102001");
		register(county, ActorTestData.idNumber("150102"), ActorTestData.mobile(), "NONE", "150102001");
		mvc.perform(get("/api/workers/counts").param("within", "150102").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.total.total").value(total + 2))
			.andExpect(jsonPath("$.total.counts.certified").value(certified + 1));
	}

	@Test
	void anEmployerMustBeAnOrganizationInScope() throws Exception {
		mvc.perform(post("/api/workers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"张三","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150102","employerId":"999999"}"""
				.formatted(ActorTestData.idNumber("150102"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("employerId"));
	}

}
