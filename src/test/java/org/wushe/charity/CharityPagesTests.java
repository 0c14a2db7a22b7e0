package org.wushe.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.wushe.actor.ActorWorkbooks;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * Charity pages beyond donations: the exports of donors, donations, funds and trusts (scope, masking), and the
 * detail and edit pages of funds and trusts (scope, permission, validation in Chinese, audit).
 */
@IntegrationTest
class CharityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String xincheng;

	String saihan;

	String leader;

	String tag;

	@BeforeEach
	void setUp() {
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		leader = TestAccounts.create(accounts, Role.LEADER, "150102");
		tag = "善" + System.nanoTime() % 1000000;
	}

	long create(String user, String path, String json) throws Exception {
		String body = mvc.perform(post(path).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	long fund(String user, String region, String name) throws Exception {
		return create(user, "/api/funds", """
				{"name":"%s","regionCode":"%s","purpose":"助学","manager":"慈善会","matchingRatio":"0.5",
				 "matchingCap":"1000"}""".formatted(name, region));
	}

	long trust(String user, String region, String name) throws Exception {
		return create(user, "/api/trusts", """
				{"name":"%s","trustee":"信托公司","amount":"500000","regionCode":"%s","establishedOn":"2024-01-02",
				 "filingNumber":"BA-1","purpose":"扶老"}""".formatted(name, region));
	}

	/** The version of the fund or trust at {@code path}, as an edit form carries it. */
	String version(String path, long id) throws Exception {
		String json = mvc.perform(get(path, id).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.version").toString();
	}

	List<List<String>> export(String user, String path, String... params) throws Exception {
		var request = get(path).with(TestAccounts.as(user));
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		byte[] xlsx = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		return ActorWorkbooks.read(xlsx);
	}

	static String all(List<List<String>> rows) {
		return rows.toString();
	}

	@Test
	void exportsHoldOnlyTheScope() throws Exception {
		String phone = ActorTestData.mobile();
		create(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"%s甲","donorPhone":"%s","regionCode":"150102001","kind":"MONEY",
				 "amount":"10","receivedOn":"2024-05-01"}""".formatted(tag, phone));
		create(saihan, "/api/donations", """
				{"donorKind":"PERSON","donorName":"%s乙","regionCode":"150105001","kind":"MONEY","amount":"20",
				 "receivedOn":"2024-05-01"}""".formatted(tag));
		fund(xincheng, "150102", tag + "新城基金");
		fund(saihan, "150105", tag + "赛罕基金");
		trust(xincheng, "150102", tag + "新城信托");
		trust(saihan, "150105", tag + "赛罕信托");

		for (String path : List.of("/donors/export", "/donations/export", "/funds/export", "/trusts/export")) {
			String own = all(export(xincheng, path, "q", tag));
			assertThat(own).as(path).contains(tag).doesNotContain(tag + "乙").doesNotContain(tag + "赛罕");
			// another county asked for by name is still cut to the caller's scope
			mvc.perform(get(path).param("within", "150105").with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			String theirs = all(export(saihan, path, "q", tag));
			assertThat(theirs).as(path).doesNotContain(tag + "甲").doesNotContain(tag + "新城");
		}
		assertThat(all(export(xincheng, "/funds/export", "q", tag))).contains(tag + "新城基金");
		assertThat(all(export(xincheng, "/trusts/export", "q", tag))).contains(tag + "新城信托", "500,000.00");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'charity-fund.export' AND actor = :u")
			.param("u", xincheng)
			.query(Long.class)
			.single()).as("two fund exports, each audited").isEqualTo(2);
	}

	@Test
	void donorExportMasksPhonesUnlessPermittedAndAudited() throws Exception {
		String phone = ActorTestData.mobile();
		create(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"%s丙","donorPhone":"%s","regionCode":"150102001","kind":"MONEY",
				 "amount":"10","receivedOn":"2024-05-01"}""".formatted(tag, phone));
		String masked = all(export(xincheng, "/donors/export", "q", tag));
		assertThat(masked).contains(tag + "丙").doesNotContain(phone).contains(phone.substring(0, 3) + "****");
		// a leader sees the list but not personal data: asking for full values is refused
		mvc.perform(get("/donors/export").param("q", tag).param("full", "true").with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
		assertThat(all(export(leader, "/donors/export", "q", tag))).doesNotContain(phone);
		assertThat(all(export(xincheng, "/donors/export", "q", tag, "full", "true"))).contains(phone);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.export' AND actor = :u")
			.param("u", xincheng)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void fundDetailAndEditStayInScopeCheckAndAudit() throws Exception {
		long id = fund(xincheng, "150102", tag + "助学基金");
		String html = mvc.perform(get("/funds/{id}", id).with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains(tag + "助学基金", "慈善会", "1,000.00").doesNotContain("id=\"edit-fund\"");
		mvc.perform(get("/funds/{id}", id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/funds/{id}/edit", id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/funds/{id}/edit", id).with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		mvc.perform(get("/funds/{id}/edit", id).with(TestAccounts.as(xincheng))).andExpect(status().isOk());

		// a donation matched 5 yuan: the cap cannot go below that, and the form says so in place
		create(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"%s丁","regionCode":"150102001","kind":"MONEY","amount":"10",
				 "receivedOn":"2024-05-01","fundId":"%d"}""".formatted(tag, id));
		String refused = mvc.perform(post("/funds/{id}", id).with(TestAccounts.as(xincheng))
			.with(csrf())
			.param("name", "")
			.param("regionCode", "150102")
			.param("matchingRatio", "0.5")
			.param("matchingCap", "1")
			.param("status", "OPEN"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("配捐上限不能低于已配捐金额 5.00 元").contains("id=\"fund-form\"");
		mvc.perform(post("/funds/{id}", id).with(TestAccounts.as(xincheng))
			.with(csrf())
			.param("name", tag + "助学基金")
			.param("regionCode", "150105")
			.param("matchingCap", "2000")
			.param("status", "OPEN")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/funds/{id}", id).with(TestAccounts.as(saihan))
			.with(csrf())
			.param("name", "x")
			.param("regionCode", "150105")).andExpect(status().isNotFound());
		// creating with a missing name: the form again, 422, nothing stored
		long fundsBefore = jdbc.sql("SELECT COUNT(*) FROM charity_fund").query(Long.class).single();
		String missing = mvc.perform(post("/funds").with(TestAccounts.as(xincheng))
			.with(csrf())
			.param("name", "")
			.param("regionCode", "150102")
			.param("status", "OPEN"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(missing).contains("id=\"fund-form\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM charity_fund").query(Long.class).single()).isEqualTo(fundsBefore);

		mvc.perform(post("/funds/{id}", id).with(TestAccounts.as(xincheng))
			.with(csrf())
			.param("version", version("/api/funds/{id}", id))
			.param("name", tag + "助学基金（二期）")
			.param("regionCode", "150102001")
			.param("purpose", "助学")
			.param("manager", "慈善总会")
			.param("matchingRatio", "1")
			.param("matchingCap", "2000")
			.param("status", "CLOSED")).andExpect(redirectedUrl("/funds/" + id));
		String json = mvc.perform(get("/api/funds/{id}", id).with(TestAccounts.as(xincheng)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(json, "$.name")).isEqualTo(tag + "助学基金（二期）");
		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("CLOSED");
		assertThat(JsonPath.read(json, "$.matchedTotal").toString()).isEqualTo("5.0");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'charity-fund.update' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void trustDetailAndEditStayInScopeCheckAndAudit() throws Exception {
		long id = trust(xincheng, "150102", tag + "扶老信托");
		mvc.perform(get("/trusts/{id}", id).with(TestAccounts.as(leader))).andExpect(status().isOk());
		mvc.perform(get("/trusts/{id}", id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(post("/trusts/{id}", id).with(TestAccounts.as(leader))
			.with(csrf())
			.param("name", "x")).andExpect(status().isForbidden());
		String refused = mvc.perform(post("/trusts/{id}", id).with(TestAccounts.as(xincheng))
			.with(csrf())
			.param("name", tag + "扶老信托")
			.param("trustee", "")
			.param("amount", "-1")
			.param("regionCode", "150102"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("data-field=\"trustee\"").contains("data-field=\"amount\"");
		mvc.perform(post("/trusts/{id}", id).with(TestAccounts.as(xincheng))
			.with(csrf())
			.param("version", version("/api/trusts/{id}", id))
			.param("name", tag + "扶老信托")
			.param("trustee", "另一信托公司")
			.param("amount", "600000")
			.param("regionCode", "150102")
			.param("establishedOn", "2024-02-03")).andExpect(redirectedUrl("/trusts/" + id));
		String html = mvc.perform(get("/trusts/{id}", id).with(TestAccounts.as(xincheng)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("另一信托公司", "600,000.00", "2024-02-03");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'charitable-trust.update' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
