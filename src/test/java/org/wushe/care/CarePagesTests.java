package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/** The care pages: list, form with errors in place, a person's file with the visit form, due list, case steps. */
@IntegrationTest
class CarePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String worker;

	String county;

	@BeforeEach
	void setUp() {
		worker = logins.station();
		county = logins.county();
	}

	@Test
	void registerVisitAndWorkACaseThroughThePages() throws Exception {
		mvc.perform(get("/care/persons").with(TestAccounts.as(worker))).andExpect(status().isOk())
			.andExpect(content().string(containsString("登记服务对象")));
		mvc.perform(get("/care/persons/new").with(TestAccounts.as(worker))).andExpect(status().isOk());
		// a child with a phone and no consent: 422, the consent field named, nothing stored
		long before = jdbc.sql("SELECT COUNT(*) FROM care_person").query(Long.class).single();
		mvc.perform(post("/care/persons").with(TestAccounts.as(worker)).with(csrf())
			.param("regionCode", "150102001001").param("name", "页面儿童").param("gender", "MALE")
			.param("birthDate", LocalDate.now().minusYears(6).toString()).param("phone", "13912345678")
			.param("categories", "CHILD_LEFT_BEHIND").param("riskLevel", "LOW"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"guardianConsent\"")))
			.andExpect(content().string(not(containsString("13912345678"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_person").query(Long.class).single()).isEqualTo(before);
		String location = mvc.perform(post("/care/persons").with(TestAccounts.as(worker)).with(csrf())
			.param("regionCode", "150102001001").param("name", "页面儿童").param("gender", "MALE")
			.param("birthDate", LocalDate.now().minusYears(6).toString()).param("phone", "13912345678")
			.param("categories", "CHILD_LEFT_BEHIND").param("riskLevel", "LOW")
			.param("guardianConsent.guardianName", "李芳").param("guardianConsent.relation", "母亲")
			.param("guardianConsent.date", LocalDate.now().toString())
			.param("guardianConsent.method", "SIGNED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/care/persons/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(TestAccounts.as(worker))).andExpect(status().isOk())
			.andExpect(content().string(containsString("visit-form")))
			.andExpect(content().string(not(containsString("13912345678"))));
		mvc.perform(post(location + "/visits").with(TestAccounts.as(worker)).with(csrf())
			.param("date", LocalDate.now().plusDays(2).toString()).param("way", "HOME").param("followUp", "NONE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"date\"")));
		mvc.perform(post(location + "/visits").with(TestAccounts.as(worker)).with(csrf())
			.param("date", LocalDate.now().toString()).param("way", "PHONE").param("findings", "SAFETY")
			.param("followUp", "URGENT").param("notes", "家中无人照看"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/care/persons").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("care-alerts")));
		mvc.perform(get("/care/visits/due").with(TestAccounts.as(worker))).andExpect(status().isOk());
		long person = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String caseUrl = mvc.perform(post("/care/cases").with(TestAccounts.as(worker)).with(csrf())
			.param("personId", String.valueOf(person)).param("reason", "无人照看"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(caseUrl).with(TestAccounts.as(worker))).andExpect(status().isOk())
			.andExpect(content().string(containsString("assessment-form")));
		mvc.perform(post(caseUrl + "/plan").with(TestAccounts.as(worker)).with(csrf()).param("goals", "g"))
			.andExpect(status().isConflict());
		mvc.perform(post(caseUrl + "/assessment").with(TestAccounts.as(worker)).with(csrf())
			.param("safety", "4").param("health", "1").param("dailyLiving", "2").param("economy", "1")
			.param("family", "5").param("psychology", "2"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(caseUrl).with(TestAccounts.as(worker)))
			.andExpect(content().string(containsString("data-stage=\"ASSESSMENT\"")));
	}

	@Test
	void aReferralIsAcceptedAndAClosedCaseReopenedThroughThePages() throws Exception {
		String receiver = logins.create(Role.STATION_WORKER, "150102002");
		long person = CareFixtures.person(mvc, worker, "150102001001");
		long kase = CareFixtures.caseInService(mvc, worker, county, person);
		String url = "/care/cases/" + kase;
		mvc.perform(post(url + "/referrals").with(TestAccounts.as(worker)).with(csrf()).param("toKind", "STATION")
			.param("to", "不是区划").param("reason", "就近服务"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"to\"")));
		mvc.perform(post(url + "/referrals").with(TestAccounts.as(worker)).with(csrf()).param("toKind", "STATION")
			.param("to", "150102002").param("reason", "就近服务"))
			.andExpect(status().is3xxRedirection());
		long referral = jdbc.sql("SELECT id FROM care_referral WHERE case_id = :c").param("c", kase)
			.query(Long.class).single();
		mvc.perform(get(url).with(TestAccounts.as(receiver))).andExpect(status().isOk())
			.andExpect(content().string(containsString("referrals-accept")));
		mvc.perform(post(url + "/referrals-accept").with(TestAccounts.as(receiver)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"referralId\"")));
		mvc.perform(post(url + "/referrals-accept").with(TestAccounts.as(receiver)).with(csrf())
			.param("referralId", String.valueOf(referral)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(url).with(TestAccounts.as(receiver)))
			.andExpect(content().string(containsString("data-status=\"ACCEPTED\"")));
		mvc.perform(post(url + "/close").with(TestAccounts.as(worker)).with(csrf()).param("reason", "目标达成"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(url + "/close-approve").with(TestAccounts.as(county)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(url).with(TestAccounts.as(worker))).andExpect(content().string(containsString("reopen-form")));
		mvc.perform(post(url + "/reopen").with(TestAccounts.as(worker)).with(csrf()).param("reason", "再次需要"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(url).with(TestAccounts.as(worker)))
			.andExpect(content().string(containsString("data-stage=\"INTAKE\"")));
	}

	@Test
	void exportIsMaskedAndScoped() throws Exception {
		String body = CareFixtures.adult("150102001001", "\"ELDER_ALONE\"", "LOW");
		String idNumber = com.jayway.jsonpath.JsonPath.read(body, "$.idNumber");
		CareFixtures.create(mvc, county, "/api/persons", body);
		byte[] xlsx = mvc.perform(get("/care/persons/export").param("region", "150102001").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		StringBuilder text = new StringBuilder();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
		}
		assertThat(text.toString()).contains(idNumber.substring(0, 4) + "**********")
			.doesNotContain(idNumber)
			.doesNotContain("高血压")
			.doesNotContain("12号");
		String sibling = logins.sibling();
		mvc.perform(get("/care/persons/export").param("region", "150102001").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
	}

}
