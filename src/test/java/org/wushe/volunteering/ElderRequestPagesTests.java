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
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;


/**
 * The elders' service request pages: a request is made for a registered key elder (the elder's account opened with
 * it), matched to a suggested volunteer and a time-bank project, and its service confirmed, which records and confirms
 * the volunteer's hours (deposited in the time bank) and pays them from the elder's account. Bad input is shown in
 * place naming the field, with nothing stored; a sibling county sees none of it and cannot act on it.
 */
@IntegrationTest
class ElderRequestPagesTests {

	static final String SKILL = "理发";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	String sibling;

	long person;

	long volunteer;

	long project;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String station = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		VolunteeringFixtures f = new VolunteeringFixtures(mvc, user);
		person = new VolunteeringFixtures(mvc, station).create("/api/persons", elderBody("150102001001"));
		volunteer = f.create("/api/volunteers", """
				{"name":"理发志愿者","idNumber":"%s","regionCode":"150102001001","skills":["%s"]}""".formatted(
				ActorTestData.idNumber("150102"), SKILL));
		project = f.project("150102", f.team("150102"), true);
		if (jdbc.sql("SELECT COUNT(*) FROM timebank_account WHERE pool_region = '150102'").query(Long.class)
			.single() == 0) {
			f.create("/api/timebank/accounts", "{\"kind\":\"POOL\",\"regionCode\":\"150102\"}");
		}
	}

	static String elderBody(String region) {
		String id = ActorTestData.idNumber(region.substring(0, 6));
		return """
				{"regionCode":"%s","name":"独居老人","gender":"MALE","birthDate":"%s-%s-%s","idNumber":"%s",
				 "phone":"%s","address":"新城区某街道8号","categories":["ELDER_ALONE"],"riskLevel":"MEDIUM"}"""
			.formatted(region, id.substring(6, 10), id.substring(10, 12), id.substring(12, 14), id,
					ActorTestData.mobile());
	}

	ResultActions create(String as, String personId, String minutes, String wantedOn) throws Exception {
		return mvc.perform(post("/volunteering/requests").with(csrf()).with(TestAccounts.as(as))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("personId", personId)
			.param("skill", SKILL)
			.param("content", "上门理发")
			.param("wantedOn", wantedOn)
			.param("minutes", minutes));
	}

	long requests() {
		return jdbc.sql("SELECT COUNT(*) FROM elder_request").query(Long.class).single();
	}

	long elderAccounts() {
		return jdbc.sql("SELECT COUNT(*) FROM timebank_account WHERE person_id = :p").param("p", person)
			.query(Long.class).single();
	}

	long newRequest() throws Exception {
		String location = create(user, Long.toString(person), "60", LocalDate.now().toString())
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void aRequestIsMadeMatchedAndItsServiceConfirmedPaysTheElderAndCreditsTheVolunteer() throws Exception {
		mvc.perform(get("/volunteering/requests").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"request-form\"")))
			.andExpect(content().string(containsString("value=\"" + person + "\"")));
		long id = newRequest();
		assertThat(elderAccounts()).isEqualTo(1);
		mvc.perform(get("/volunteering/requests/{id}", id).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"match-form\"")))
			.andExpect(content().string(containsString("value=\"" + volunteer + "\"")))
			.andExpect(content().string(containsString("value=\"" + project + "\"")));
		mvc.perform(post("/volunteering/requests/{id}/accept", id).with(csrf()).with(TestAccounts.as(user))
			.param("volunteerId", Long.toString(volunteer)).param("projectId", Long.toString(project)))
			.andExpect(status().is3xxRedirection());
		LocalDateTime start = LocalDateTime.now().withSecond(0).withNano(0).minusHours(2);
		mvc.perform(post("/volunteering/requests/{id}/confirm", id).with(csrf()).with(TestAccounts.as(user))
			.param("start", start.toString()).param("end", start.plusMinutes(45).toString()).param("reason", ""))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/volunteering/requests/{id}", id).with(TestAccounts.as(user)))
			.andExpect(content().string(containsString("id=\"service-done\"")))
			.andExpect(content().string(not(containsString("id=\"service-form\""))));
		// the volunteer's 45 minutes: confirmed and deposited; the elder paid 45 (the pool granted them)
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM service_hours WHERE volunteer_id = :v AND project_id = :p AND minutes = 45
				    AND status = 'CONFIRMED'
				""").param("v", volunteer).param("p", project).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT balance_minutes FROM timebank_account WHERE volunteer_id = :v")
			.param("v", volunteer).query(Long.class).single()).isEqualTo(45);
		assertThat(jdbc.sql("""
				SELECT t.minutes FROM timebank_transfer t JOIN elder_request r ON r.transfer_id = t.id
				WHERE r.id = :id AND t.kind = 'REDEMPTION'
				""").param("id", id).query(Long.class).single()).isEqualTo(45);
		mvc.perform(get("/volunteering/requests").with(TestAccounts.as(user)))
			.andExpect(content().string(containsString("data-status=\"DONE\"")));
	}

	@Test
	void badInputIsShownInPlaceNamingTheFieldAndNothingIsStored() throws Exception {
		long before = requests();
		create(user, Long.toString(person), "0", LocalDate.now().minusDays(1).toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"minutes\"")))
			.andExpect(content().string(containsString("data-field=\"wantedOn\"")))
			.andExpect(content().string(containsString("期望服务日期")));
		create(user, "abc", "60", LocalDate.now().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"personId\"")));
		create(user, "", "六十", LocalDate.now().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"minutes\"")));
		assertThat(requests()).isEqualTo(before);
		assertThat(elderAccounts()).isZero();
		long id = newRequest();
		mvc.perform(post("/volunteering/requests/{id}/accept", id).with(csrf()).with(TestAccounts.as(user))
			.param("volunteerId", Long.toString(volunteer)).param("projectId", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"projectId\"")));
		mvc.perform(post("/volunteering/requests/{id}/accept", id).with(csrf()).with(TestAccounts.as(user))
			.param("volunteerId", Long.toString(volunteer)).param("projectId", Long.toString(project)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/volunteering/requests/{id}/confirm", id).with(csrf()).with(TestAccounts.as(user))
			.param("start", "2020-13-01T09:00").param("end", "2020-13-01T10:00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"start\"")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE volunteer_id = :v").param("v", volunteer)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT status FROM elder_request WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("ACCEPTED");
	}

	@Test
	void aSiblingCountySeesNoneOfItAndCannotActOnIt() throws Exception {
		long id = newRequest();
		mvc.perform(get("/volunteering/requests").with(TestAccounts.as(sibling)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/volunteering/requests/" + id + "\""))))
			.andExpect(content().string(not(containsString("value=\"" + person + "\""))));
		mvc.perform(get("/volunteering/requests/{id}", id).with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/volunteering/requests/{id}/accept", id).with(csrf()).with(TestAccounts.as(sibling))
			.param("volunteerId", Long.toString(volunteer)).param("projectId", Long.toString(project)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/volunteering/requests/{id}/confirm", id).with(csrf()).with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		long before = requests();
		create(sibling, Long.toString(person), "60", LocalDate.now().toString())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"personId\"")));
		assertThat(requests()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT status FROM elder_request WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("OPEN");
	}

}
