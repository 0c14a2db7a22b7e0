package org.wushe.charity;

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

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.ActorWorkbooks;
import org.wushe.site.SiteService;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestSites;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class DonationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String xincheng;

	String saihan;

	String tag;

	@Autowired
	SiteService sites;

	long site;

	@BeforeEach
	void setUp() {
		site = TestSites.closedStation(sites, "150102001", List.of());
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		tag = "善" + System.nanoTime() % 1000000;
	}

	ResultActions post(String user, String path, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	long id(ResultActions r) throws Exception {
		return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	BigDecimal totalOf(String user, String within, String region, String key) throws Exception {
		String json = mvc.perform(get("/api/donations/totals").param("within", within).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Object> v = JsonPath.read(json, "$.rows[?(@.regionCode == '" + region + "')].amounts." + key);
		return new BigDecimal(v.get(0).toString());
	}

	BigDecimal grandTotal(String user, String within, String key) throws Exception {
		String json = mvc.perform(get("/api/donations/totals").param("within", within).with(TestAccounts.as(user)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new BigDecimal(JsonPath.read(json, "$.total." + key).toString());
	}

	@Test
	void recordsMoneyAndInKindDonationsAndTotalsThemPerRegion() throws Exception {
		BigDecimal moneyBefore = totalOf(xincheng, "150102", "150102001", "money");
		BigDecimal inKindBefore = totalOf(xincheng, "150102", "150102001", "inKind");
		String phone = ActorTestData.mobile();
		post(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"%s张先生","donorPhone":"%s","regionCode":"150102001","kind":"MONEY",
				 "amount":"1234.56","receivedOn":"2024-05-01","siteId":"%d"}""".formatted(tag, phone, site))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(1234.56))
			.andExpect(jsonPath("$.totalValue").value(1234.56))
			.andExpect(jsonPath("$.siteId").value(site))
			.andExpect(jsonPath("$.donorKind").value("PERSON"))
			.andExpect(content().string(not(containsString(phone))));
		post(xincheng, "/api/donations", """
				{"donorKind":"COMPANY","donorName":"%s乳业公司","donorCreditCode":"%s","regionCode":"150102001",
				 "kind":"IN_KIND","itemDescription":"纯牛奶","quantity":"200","unit":"箱","valuation":"12000",
				 "valuationBasis":"市场零售价","valuedBy":"街道社工站","receivedOn":"2024-05-02"}"""
			.formatted(tag, ActorTestData.creditCode("150102")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.valuation").value(12000.00))
			.andExpect(jsonPath("$.valuationBasis").value("市场零售价"));
		assertThat(totalOf(xincheng, "150102", "150102001", "money")).isEqualByComparingTo(moneyBefore.add(new BigDecimal("1234.56")));
		assertThat(totalOf(xincheng, "150102", "150102001", "inKind")).isEqualByComparingTo(inKindBefore.add(new BigDecimal("12000")));
		mvc.perform(get("/api/donations").param("q", tag).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(content().string(not(containsString(phone))));
		mvc.perform(get("/api/donors").param("q", tag).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$[*].phone").value(hasItem(containsString("****"))))
			.andExpect(content().string(not(containsString(phone))));
	}

	@Test
	void refusesIncompleteDonationsWithChineseMessages() throws Exception {
		post(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"某人","regionCode":"150102","kind":"IN_KIND","itemDescription":"大米",
				 "quantity":"10","valuation":"-5","receivedOn":"2999-01-01","siteId":"1","fundId":"2"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("valuation")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("valuationBasis")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("valuedBy")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("receivedOn")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("fundId")))
			.andExpect(jsonPath("$.detail").value(containsString("估值依据：不能为空")));
		post(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"某人","regionCode":"150102","kind":"MONEY","amount":"1.234",
				 "receivedOn":"2024-01-01"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		post(xincheng, "/api/donations", """
				{"donorKind":"PERSON","donorName":"某人","regionCode":"150105","kind":"MONEY","amount":"10",
				 "receivedOn":"2024-01-01"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("管辖范围")));
	}

	@Test
	void fundsMatchDonationsUpToTheirCap() throws Exception {
		long fund = id(post(xincheng, "/api/funds", """
				{"name":"%s社工关爱基金","regionCode":"150102","purpose":"关爱一线社工","matchingRatio":"0.5","matchingCap":"800"}"""
			.formatted(tag)).andExpect(status().isCreated()));
		long donor = id(post(xincheng, "/api/donors", """
				{"kind":"FOUNDATION","name":"%s慈善基金会","regionCode":"150102"}""".formatted(tag))
			.andExpect(status().isCreated()));
		String body = """
				{"donorId":"%d","regionCode":"150102","kind":"MONEY","amount":"1000","receivedOn":"2024-06-01","fundId":"%d"}"""
			.formatted(donor, fund);
		post(xincheng, "/api/donations", body).andExpect(jsonPath("$.matchedAmount").value(500.0))
			.andExpect(jsonPath("$.fundName").value(tag + "社工关爱基金"));
		post(xincheng, "/api/donations", body).andExpect(jsonPath("$.matchedAmount").value(300.0));
		post(xincheng, "/api/donations", body).andExpect(jsonPath("$.matchedAmount").value(0.0));
		mvc.perform(get("/api/funds/{id}", fund).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$.matchedTotal").value(800.0))
			.andExpect(jsonPath("$.received").value(3000.0));
	}

	@Test
	void recordsCharitableTrusts() throws Exception {
		BigDecimal before = grandTotal(xincheng, "150102", "trusts");
		post(xincheng, "/api/trusts", """
				{"name":"%s慈善信托","trustee":"某信托公司","amount":"1000000","regionCode":"150102","filingNumber":"NM001"}"""
			.formatted(tag)).andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value(1000000.0));
		assertThat(grandTotal(xincheng, "150102", "trusts")).isEqualByComparingTo(before.add(new BigDecimal("1000000")));
		post(xincheng, "/api/trusts", "{\"name\":\"\",\"amount\":\"abc\",\"regionCode\":\"150102\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3));
	}

	@Test
	void siblingCharityRecordsStayHidden() throws Exception {
		long fund = id(post(saihan, "/api/funds", """
				{"name":"%s赛罕基金","regionCode":"150105"}""".formatted(tag)));
		long donation = id(post(saihan, "/api/donations", """
				{"donorKind":"PERSON","donorName":"%s赛罕捐赠人","regionCode":"150105","kind":"MONEY","amount":"88",
				 "receivedOn":"2024-01-01"}""".formatted(tag)));
		long trust = id(post(saihan, "/api/trusts", """
				{"name":"%s赛罕信托","trustee":"受托人","amount":"100","regionCode":"150105"}""".formatted(tag)));
		String donorJson = mvc.perform(get("/api/donors").param("q", tag).with(TestAccounts.as(saihan)))
			.andReturn().getResponse().getContentAsString();
		long donor = ((Number) JsonPath.read(donorJson, "$[0].id")).longValue();
		for (String list : List.of("/api/donations", "/api/donors", "/api/funds", "/api/trusts")) {
			mvc.perform(get(list).param("q", tag).with(TestAccounts.as(xincheng))).andExpect(jsonPath("$").isEmpty());
			mvc.perform(get(list).param("within", "150105").with(TestAccounts.as(xincheng)))
				.andExpect(status().isNotFound());
			mvc.perform(get(list).param("q", tag).with(TestAccounts.as(saihan)))
				.andExpect(jsonPath("$.length()").value(1));
		}
		mvc.perform(get("/api/donations/{id}", donation).with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/funds/{id}", fund).with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/trusts/{id}", trust).with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/donors/{id}", donor).with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		// nor changed: a sibling's edit of a fund or trust, even naming its own region, is a 404 and changes nothing
		mvc.perform(put("/api/funds/{id}", fund).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s改名\",\"regionCode\":\"150102\",\"version\":\"0\"}".formatted(tag)))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/trusts/{id}", trust).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s改名","trustee":"受托人","amount":"100","regionCode":"150102","version":"0"}"""
				.formatted(tag)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/funds/{id}", fund).with(TestAccounts.as(saihan)))
			.andExpect(jsonPath("$.name").value(tag + "赛罕基金"))
			.andExpect(jsonPath("$.version").value(0));
		mvc.perform(get("/api/trusts/{id}", trust).with(TestAccounts.as(saihan)))
			.andExpect(jsonPath("$.name").value(tag + "赛罕信托"))
			.andExpect(jsonPath("$.version").value(0));
		mvc.perform(get("/donations/{id}", donation).with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/donations/totals").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		// a sibling's donor or fund cannot be named in a donation either
		post(xincheng, "/api/donations", """
				{"donorId":"%d","regionCode":"150102","kind":"MONEY","amount":"1","receivedOn":"2024-01-01","fundId":"%d"}"""
			.formatted(donor, fund))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("donorId")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("fundId")));
		byte[] xlsx = mvc.perform(get("/donations/export").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(ActorWorkbooks.read(xlsx).toString()).doesNotContain(tag);
		mvc.perform(get("/donations/export").param("within", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		byte[] own = mvc.perform(get("/donations/export").param("q", tag).with(TestAccounts.as(saihan)))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(ActorWorkbooks.read(own).toString()).contains(tag);
	}

	@Test
	void pagesRender() throws Exception {
		for (String page : List.of("/donations", "/donations/new", "/donations/totals", "/donors", "/funds", "/funds/new",
				"/trusts", "/trusts/new")) {
			mvc.perform(get(page).with(TestAccounts.as(xincheng))).andExpect(status().isOk());
		}
		String leader = TestAccounts.create(accounts, Role.LEADER, "150102");
		mvc.perform(get("/donations").with(TestAccounts.as(leader))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("new-donation"))));
		post(leader, "/api/donations", "{}").andExpect(status().isForbidden());
	}

	@Test
	void theReceivingSiteMustExistWithinTheUsersScope() throws Exception {
		long saihanSite = TestSites.closedStation(sites, "150105001", List.of());
		for (long wrong : new long[] { saihanSite, 987_654_321L }) {
			post(xincheng, "/api/donations", """
					{"donorKind":"PERSON","donorName":"%s","regionCode":"150102001","kind":"MONEY",
					 "amount":"10","receivedOn":"2024-05-01","siteId":"%d"}""".formatted(tag, wrong))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("siteId"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("阵地")));
		}
		mvc.perform(get("/api/donations").param("q", tag).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$.length()").value(0));
	}

}
