package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.shared.TextHygiene;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * One rule for characters in submitted text, in one place for all JSON bodies and all parameters; wrong JSON types and
 * numbers for dates name the field; no answer repeats more than a short piece of what was sent.
 */
@IntegrationTest
class InputHygieneTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String county;

	@BeforeEach
	void setUp() {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	ResultActions donation(String field, String json) throws Exception {
		String body = """
				{"donorKind":"PERSON","donorName":"洁净测试","regionCode":"150102001","kind":"MONEY",
				 "amount":"10","receivedOn":"2024-05-01","%s":%s}""".formatted(field, json);
		return mvc.perform(post("/api/donations").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void controlCharactersAreRefusedNamingTheField() throws Exception {
		for (String bad : new String[] { "\\u0000", "\\u001b[31m", "\\u202e", "\\u2066", "\\u0085", "\\u007f",
				"a\\nb", "a\\rb", "a\\tb" }) {
			donation("donorName", "\"张" + bad + "三\"").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("donorName"))
				.andExpect(jsonPath("$.detail").value(containsString("捐赠人")));
		}
		// multi-line text may hold line breaks and tabs, nothing else
		donation("note", "\"第一行\\n\\t第二行\"").andExpect(status().isCreated());
		donation("note", "\"第一行\\u0007\"").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		// inside lists the path names the element
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"x","contentItems":["好","坏\\u202e"]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("contentItems[1]"));
	}

	@Test
	void aNumberIsNotADate() throws Exception {
		donation("receivedOn", "19845").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
	}

	@Test
	void wrongTypesNameTheField() throws Exception {
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"x","reportingLevel":"三级"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reportingLevel"))
			.andExpect(jsonPath("$.detail").value(containsString("数字")));
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"x","deadlines":{"a":1}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadlines"));
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("$"));
	}

	@Test
	void answersRepeatAtMostAShortPieceOfTheInput() throws Exception {
		String huge = "九".repeat(100_000);
		String answer = donation("regionCode", "\"" + huge + "\"").andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer.length()).isLessThan(2_000);
		answer = mvc.perform(get("/api/regions/" + "1".repeat(5_000)).with(TestAccounts.as(county)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer.length()).isLessThan(2_000);
	}

	@Test
	void formAndQueryParametersFollowTheSameRule() throws Exception {
		mvc.perform(get("/api/accounts").param("q", "a\u0000b").with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(post("/account/password").with(TestAccounts.as(county))
			.with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "new\u202Epassword-1")
			.param("confirmPassword", "new\u202Epassword-1"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/account/password").with(TestAccounts.as(county))
			.with(csrf())
			.header("HX-Request", "true")
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "new\u0000password-1")
			.param("confirmPassword", "x"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void theLoginAuditRecordsNoControlCharacters() throws Exception {
		String typed = "evil-" + System.nanoTime() + "\u001b[31m\r\nforged";
		mvc.perform(post("/login").with(csrf()).param("username", typed).param("password", "wrong-password-x"));
		String recorded = jdbc.sql("SELECT actor FROM audit_event WHERE actor LIKE :p AND action = 'login.failure'")
			.param("p", typed.substring(0, 15) + "%")
			.query(String.class)
			.single();
		assertThat(recorded).isEqualTo(TextHygiene.shown(typed).substring(0, Math.min(64, recorded.length())))
			.doesNotContain("\u001b")
			.doesNotContain("\n")
			.contains("\\u001B");
	}

}
