package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * The time-bank transfer page and the certificate issue page with its register: a donation moves hours once however
 * often the form is sent; a gift to someone who is not a registered relative, a non-number or more than the balance
 * is shown in place naming the field with nothing moved; a certificate is issued for a period and revoked with a
 * reason (required); a sibling county gets 404 and moves, issues or revokes nothing.
 */
@IntegrationTest
class TimeBankPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TimeBank bank;

	String user;

	String sibling;

	long giver;

	long other;

	long account;

	long otherAccount;

	long pool;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		VolunteeringFixtures f = new VolunteeringFixtures(mvc, user);
		giver = f.volunteer("150102001");
		other = f.volunteer("150102001");
		long project = f.project("150102", f.team("150102"), true);
		f.confirm(f.hours(project, giver, 3, 9, 60));
		f.confirm(f.hours(project, other, 3, 9, 30));
		account = accountOf(giver);
		otherAccount = accountOf(other);
		pool = jdbc.sql("SELECT id FROM timebank_account WHERE pool_region = '150102'").query(Long.class).optional()
			.orElseGet(() -> {
				try {
					return f.create("/api/timebank/accounts", "{\"kind\":\"POOL\",\"regionCode\":\"150102\"}");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	long accountOf(long volunteer) {
		return jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v").param("v", volunteer)
			.query(Long.class).single();
	}

	long balance(long id) {
		return jdbc.sql("SELECT balance_minutes FROM timebank_account WHERE id = :id").param("id", id)
			.query(Long.class).single();
	}

	ResultActions transfer(String as, String kind, long to, String minutes, String key) throws Exception {
		return mvc.perform(post("/volunteering/timebank/{id}/transfer", account).with(csrf()).with(TestAccounts.as(as))
			.param("kind", kind).param("toAccountId", Long.toString(to)).param("minutes", minutes)
			.param("memo", "测试").param("key", key));
	}

	long certificates() {
		return jdbc.sql("SELECT COUNT(*) FROM volunteer_certificate WHERE volunteer_id = :v").param("v", giver)
			.query(Long.class).single();
	}

	ResultActions issue(String as, String volunteer) throws Exception {
		return mvc.perform(post("/volunteering/certificates/issue").with(csrf()).with(TestAccounts.as(as))
			.param("volunteerId", volunteer)
			.param("from", LocalDate.now().minusDays(30).toString())
			.param("to", LocalDate.now().toString()));
	}

	@Test
	void aGiftReachesTheRegisteredRelativesAccountsInScopeOnly() throws Exception {
		RegionScope county = new RegionScope(RegionCode.parse("150102"));
		long person = System.nanoTime() % 1_000_000_000L;
		long far = bank.open(new RegionScope(RegionCode.parse("150105")),
				new TimeBank.OpenInput("ELDER", "150105001001", null, null, person)).id();
		assertThat(bank.relativesAccounts(county, giver)).isEmpty();
		bank.registerRelative(county, giver, other, null, "兄弟");
		bank.registerRelative(county, giver, null, person, "母亲");
		assertThat(bank.relativesAccounts(county, giver)).extracting(TimeBank.Account::id)
			.containsExactly(otherAccount);
		assertThat(bank.relativesAccounts(new RegionScope(RegionCode.COUNTRY), giver)).extracting(TimeBank.Account::id)
			.containsExactlyInAnyOrder(otherAccount, far);
		assertThat(bank.relativesAccounts(county, other)).isEmpty();
		mvc.perform(get("/volunteering/timebank/{id}/transfer", account).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + otherAccount + "\"")))
			.andExpect(content().string(not(containsString("value=\"" + far + "\""))));
	}

	@Test
	void aDonationFromThePageMovesTheHoursOnceHoweverOftenTheFormIsSent() throws Exception {
		mvc.perform(get("/volunteering/timebank/{id}", account).with(TestAccounts.as(user)))
			.andExpect(content().string(containsString("id=\"transfer-link\"")));
		mvc.perform(get("/volunteering/timebank/{id}/transfer", account).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"transfer-form\"")))
			.andExpect(content().string(containsString("value=\"" + pool + "\"")));
		long poolBefore = balance(pool);
		String key = UUID.randomUUID().toString();
		transfer(user, "DONATION", pool, "20", key).andExpect(status().is3xxRedirection());
		transfer(user, "DONATION", pool, "20", key).andExpect(status().is3xxRedirection());
		assertThat(balance(account)).isEqualTo(40);
		assertThat(balance(pool)).isEqualTo(poolBefore + 20);
	}

	@Test
	void badTransfersAreShownInPlaceNamingTheFieldAndMoveNothing() throws Exception {
		transfer(user, "GIFT", otherAccount, "10", UUID.randomUUID().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"toAccountId\"")));
		transfer(user, "DONATION", pool, "十分钟", UUID.randomUUID().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"minutes\"")))
			.andExpect(content().string(containsString("时长（分钟）")));
		transfer(user, "DONATION", pool, "61", UUID.randomUUID().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("余额不足")));
		transfer(user, "", pool, "10", UUID.randomUUID().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"kind\"")));
		assertThat(balance(account)).isEqualTo(60);
		assertThat(balance(otherAccount)).isEqualTo(30);
	}

	@Test
	void aCertificateIsIssuedFromThePageAndRevokedWithAReason() throws Exception {
		mvc.perform(get("/volunteering/certificates").with(TestAccounts.as(user)))
			.andExpect(content().string(containsString("id=\"issue-link\"")));
		long before = certificates();
		issue(user, "").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"volunteerId\"")));
		assertThat(certificates()).isEqualTo(before);
		String location = issue(user, Long.toString(giver)).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String number = location.substring(location.indexOf("issued=") + "issued=".length());
		assertThat(certificates()).isEqualTo(before + 1);
		mvc.perform(get(location).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"issued\"")))
			.andExpect(content().string(containsString("id=\"certificate-" + number + "\"")));
		mvc.perform(post("/volunteering/certificates/{n}/revoke", number).with(csrf()).with(TestAccounts.as(user))
			.param("reason", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"reason\"")));
		mvc.perform(post("/volunteering/certificates/{n}/revoke", number).with(csrf()).with(TestAccounts.as(sibling))
			.param("reason", "误开"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM volunteer_certificate WHERE certificate_number = :n AND revoked_at IS NULL
				""").param("n", number).query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/volunteering/certificates/{n}/revoke", number).with(csrf()).with(TestAccounts.as(user))
			.param("reason", "误开"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT revoke_reason FROM volunteer_certificate WHERE certificate_number = :n")
			.param("n", number).query(String.class).single()).isEqualTo("误开");
	}

	@Test
	void aSiblingCountyGetsNotFoundAndMovesOrIssuesNothing() throws Exception {
		mvc.perform(get("/volunteering/timebank/{id}/transfer", account).with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		transfer(sibling, "DONATION", pool, "10", UUID.randomUUID().toString()).andExpect(status().isNotFound());
		assertThat(balance(account)).isEqualTo(60);
		long before = certificates();
		issue(sibling, Long.toString(giver)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"volunteerId\"")));
		assertThat(certificates()).isEqualTo(before);
		String location = issue(user, Long.toString(giver)).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String number = location.substring(location.indexOf("issued=") + "issued=".length());
		mvc.perform(get("/volunteering/certificates/issue").with(TestAccounts.as(sibling)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"" + giver + "\""))))
			.andExpect(content().string(not(containsString("id=\"certificate-" + number + "\""))));
		mvc.perform(get("/volunteering/certificates/issue").param("issued", number).with(TestAccounts.as(sibling)))
			.andExpect(content().string(not(containsString("id=\"issued\""))));
	}

}
