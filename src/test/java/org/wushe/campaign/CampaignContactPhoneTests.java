package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * A campaign's 联系电话 is personal data: stored encrypted, masked for everyone, shown in full only to a viewer with
 * {@code personal-data:view} through an audited read, and checked as a mainland phone number.
 */
@IntegrationTest
class CampaignContactPhoneTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	ResultActions change(String user, long id, String phone) throws Exception {
		return mvc.perform(put("/api/campaigns/{id}", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CampaignApiTests.body("phone-" + id, "15", 2).replace("0471-6945000", phone)));
	}

	@Test
	void theContactPhoneIsStoredEncryptedShownMaskedAndRevealedWithAnAudit() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		long id = create(province);
		Map<String, Object> row = jdbc.sql("SELECT * FROM campaign WHERE id = :id").param("id", id).query().singleRow();
		assertThat(row.keySet()).noneMatch(k -> k.equalsIgnoreCase("contact_phone"));
		assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains("6945000"));

		mvc.perform(get("/api/campaigns/{id}", id).with(TestAccounts.as(leader)))
			.andExpect(jsonPath("$.contactPhone").value("0471-***5000"))
			.andExpect(content().string(not(containsString("6945000"))));
		mvc.perform(get("/campaigns/{id}", id).with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("6945000"))));
		mvc.perform(get("/api/campaigns/{id}/contact-phone", id).with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());

		mvc.perform(get("/api/campaigns/{id}/contact-phone", id).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contactPhone").value("0471-6945000"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.view' AND actor = :a")
			.param("a", province)
			.query(Long.class)
			.single()).isEqualTo(1);
		// a city's campaign is out of a sibling city's reach
		String hohhot = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		long city = create(hohhot, "1501", 3);
		String baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(get("/api/campaigns/{id}/contact-phone", city).with(TestAccounts.as(baotou)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/contact-phone", city).with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$.contactPhone").value("0471-6945000"));
	}

	@Test
	void theCampaignPageRevealsTheFullPhoneToPermittedStaffOnly() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		long id = create(province);
		String button = "/campaigns/" + id + "/contact-phone";
		mvc.perform(get("/campaigns/{id}", id).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0471-***5000")))
			.andExpect(content().string(containsString(button)))
			.andExpect(content().string(not(containsString("6945000"))));
		mvc.perform(get("/campaigns/{id}/contact-phone", id).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"contact-phone\"")))
			.andExpect(content().string(containsString("0471-6945000")));
		assertThat(views(province)).isEqualTo(1);
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/campaigns/{id}", id).with(TestAccounts.as(leader)))
			.andExpect(content().string(not(containsString(button))));
		mvc.perform(get("/campaigns/{id}/contact-phone", id).with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
		String hohhot = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		long city = create(hohhot, "1501", 3);
		String baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(get("/campaigns/{id}/contact-phone", city).with(TestAccounts.as(baotou)))
			.andExpect(status().isNotFound());
		assertThat(views(leader) + views(baotou)).isZero();
	}

	long views(String user) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.view' AND actor = :a")
			.param("a", user)
			.query(Long.class)
			.single();
	}

	@Test
	void theMaskedPhoneSentBackKeepsThePhoneAndABadOneIsRefused() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		long id = create(province);
		change(province, id, "0471-***5000").andExpect(status().isOk())
			.andExpect(jsonPath("$.contactPhone").value("0471-***5000"));
		mvc.perform(get("/api/campaigns/{id}/contact-phone", id).with(TestAccounts.as(province)))
			.andExpect(jsonPath("$.contactPhone").value("0471-6945000"));
		change(province, id, "12345").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("contactPhone"))
			.andExpect(content().string(containsString("联系电话位数不对")));
		change(province, id, "电话待定").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("contactPhone"))
			.andExpect(content().string(containsString("联系电话应为")));
		change(province, id, "138 1234 5678").andExpect(status().isOk())
			.andExpect(jsonPath("$.contactPhone").value("138****5678"));
	}

	long create(String province) throws Exception {
		return create(province, "15", 2);
	}

	long create(String user, String region, int level) throws Exception {
		String answer = mvc.perform(post("/api/campaigns").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CampaignApiTests.body("contact-" + System.nanoTime(), region, level)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

}
