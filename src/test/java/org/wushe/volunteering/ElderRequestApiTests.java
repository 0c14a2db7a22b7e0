package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * A key elder's service request: volunteers with the skill are suggested from the elder's village first, then the
 * township (none from elsewhere, none without the skill); the organizer matches one; the confirmed service is paid
 * from the elder's account, the pool granting what it lacks, and the ledger stays balanced. Bad input gets 400 naming
 * the field; a sibling county and a township elsewhere get 404, a read-only leader 403 on writes.
 */
@IntegrationTest
class ElderRequestApiTests {

	static final String SKILL = "助浴";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	VolunteeringFixtures f;

	long elder;

	long project;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		f = new VolunteeringFixtures(mvc, user);
		elder = f.create("/api/timebank/accounts", """
				{"kind":"ELDER","regionCode":"150102001001","personId":%d}""".formatted(System.nanoTime() % 1_000_000_000L));
		project = f.project("150102", f.team("150102"), true);
		if (jdbc.sql("SELECT COUNT(*) FROM timebank_account WHERE pool_region = '150102'").query(Long.class)
			.single() == 0) {
			f.create("/api/timebank/accounts", "{\"kind\":\"POOL\",\"regionCode\":\"150102\"}");
		}
	}

	long volunteer(String region, String skill) throws Exception {
		return f.create("/api/volunteers", """
				{"name":"志愿者%d","idNumber":"%s","regionCode":"%s","skills":["%s"]}""".formatted(
				System.nanoTime() % 100000, ActorTestData.idNumber(region.substring(0, 6)), region, skill));
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body, String as) {
		return r.with(TestAccounts.as(as)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	long request() throws Exception {
		String json = mvc.perform(json(post("/api/timebank/requests"), """
				{"elderAccountId":%d,"skill":"%s","content":"上门协助洗澡","wantedOn":"%s","minutes":90}"""
			.formatted(elder, SKILL, LocalDate.now().plusDays(1)), user))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	String accept(long volunteer) {
		return "{\"volunteerId\":%d,\"projectId\":%d}".formatted(volunteer, project);
	}

	@Test
	void withoutAProjectNamedTheOnlyTimeBankProjectOfTheRegionIsTakenAndTwoNeedOneNamed() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150104");
		VolunteeringFixtures g = new VolunteeringFixtures(mvc, county);
		long elder104 = g.create("/api/timebank/accounts", """
				{"kind":"ELDER","regionCode":"150104001002","personId":%d}""".formatted(System.nanoTime() % 1_000_000_000L));
		long only = g.project("150104", g.team("150104"), true);
		g.project("150104", g.team("150104"), false);
		long v = g.create("/api/volunteers", """
				{"name":"志愿者%d","idNumber":"%s","regionCode":"150104001002","skills":["%s"]}""".formatted(
				System.nanoTime() % 100000, ActorTestData.idNumber("150104"), SKILL));
		String body = """
				{"elderAccountId":%d,"skill":"%s","content":"上门协助洗澡","wantedOn":"%s","minutes":60}"""
			.formatted(elder104, SKILL, LocalDate.now().plusDays(1));
		long first = ((Number) JsonPath.read(mvc.perform(json(post("/api/timebank/requests"), body, county))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", first), "{\"volunteerId\":" + v + "}", county))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.projectId").value(only));
		g.project("150104", g.team("150104"), true);
		long second = ((Number) JsonPath.read(mvc.perform(json(post("/api/timebank/requests"), body, county))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", second), "{\"volunteerId\":" + v + "}", county))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("projectId"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("projectId")));
		assertThat(jdbc.sql("SELECT status FROM elder_request WHERE id = :id").param("id", second)
			.query(String.class).single()).isEqualTo("OPEN");
	}

	@Test
	void nearbyVolunteersWithTheSkillAreSuggestedAndTheServiceIsPaidFromTheElderAndThePool() throws Exception {
		long village = volunteer("150102001001", SKILL);
		long township = volunteer("150102001002", SKILL);
		long unskilled = volunteer("150102001001", "法律咨询");
		long elsewhere = volunteer("150102002001", SKILL);
		long id = request();
		String json = mvc.perform(get("/api/timebank/requests/{id}/suggestions", id).with(TestAccounts.as(user)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Number> suggested = JsonPath.read(json, "$[*].volunteerId");
		List<Long> ids = suggested.stream().map(Number::longValue).toList();
		assertThat(ids).contains(village, township).doesNotContain(unskilled, elsewhere);
		assertThat(ids.indexOf(village)).isLessThan(ids.indexOf(township));
		mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), "{}", user))
			.andExpect(status().isConflict());
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", id), accept(village), user))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", id), accept(township), user))
			.andExpect(status().isConflict());
		mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), "{}", user))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.transferId").isNumber());
		assertThat(jdbc.sql("SELECT balance_minutes FROM timebank_account WHERE id = :id").param("id", elder)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM timebank_transfer WHERE to_account_id = :e AND kind = 'GRANT' AND minutes = 90
				""").param("e", elder).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM timebank_transfer WHERE from_account_id = :e AND kind = 'REDEMPTION' AND minutes = 90
				""").param("e", elder).query(Long.class).single()).isEqualTo(1);
		mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), "{}", user))
			.andExpect(status().isConflict());
		// the serving volunteer's hours: recorded under the project, confirmed on their behalf, deposited
		Long hoursId = jdbc.sql("SELECT hours_id FROM elder_request WHERE id = :id").param("id", id)
			.query(Long.class).single();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM service_hours
				WHERE id = :h AND volunteer_id = :v AND project_id = :p AND status = 'CONFIRMED' AND minutes = 90
				    AND reason IS NOT NULL
				""").param("h", hoursId).param("v", village).param("p", project).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COALESCE(SUM(p.minutes), 0) FROM timebank_posting p
				JOIN timebank_account a ON a.id = p.account_id
				JOIN timebank_transfer t ON t.id = p.transfer_id
				WHERE a.volunteer_id = :v AND t.kind = 'DEPOSIT' AND t.hours_id = :h
				""").param("v", village).param("h", hoursId).query(Long.class).single()).isEqualTo(90);
		assertThat(jdbc.sql("SELECT COALESCE(SUM(minutes), 0) FROM timebank_posting").query(Long.class).single())
			.isZero();
	}

	@Test
	void badInputNamesTheFieldAndStoresNothing() throws Exception {
		long personal = f.create("/api/timebank/accounts", "{\"kind\":\"PERSONAL\",\"volunteerId\":"
				+ f.volunteer("150102001") + "}");
		long before = jdbc.sql("SELECT COUNT(*) FROM elder_request").query(Long.class).single();
		mvc.perform(json(post("/api/timebank/requests"), "{}", user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.hasItems("elderAccountId", "skill", "content", "wantedOn", "minutes")));
		mvc.perform(json(post("/api/timebank/requests"), """
				{"elderAccountId":%d,"skill":"x","content":"x","wantedOn":"%s","minutes":90}"""
			.formatted(personal, LocalDate.now()), user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("elderAccountId"));
		mvc.perform(json(post("/api/timebank/requests"), """
				{"elderAccountId":%d,"skill":"x","content":"x","wantedOn":"%s","minutes":0}"""
			.formatted(elder, LocalDate.now().minusDays(1)), user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("wantedOn", "minutes")));
		long id = request();
		// two time-bank projects in the county: without one named, the project cannot be chosen for the caller
		f.project("150102", f.team("150102"), true);
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", id), "{\"volunteerId\":99999999}", user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("volunteerId", "projectId")));
		long v = volunteer("150102001001", SKILL);
		long plain = f.project("150102", f.team("150102"), false);
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", id),
				"{\"volunteerId\":%d,\"projectId\":%d}".formatted(v, plain), user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("projectId"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("时间银行")));
		assertThat(jdbc.sql("SELECT status FROM elder_request WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("OPEN");
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", id), accept(v), user)).andExpect(status().isOk());
		// a service that ends before it starts, or in the future: refused naming the field, nothing recorded or paid
		long postings = jdbc.sql("SELECT COUNT(*) FROM timebank_posting").query(Long.class).single();
		var start = java.time.LocalDateTime.now().withSecond(0).withNano(0).minusHours(3);
		mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), """
				{"start":"%s","end":"%s"}""".formatted(start, start.minusMinutes(30)), user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("end"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("结束时间")));
		mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), """
				{"start":"%s","end":"%s"}""".formatted(start.plusDays(2), start.plusDays(2).plusMinutes(60)), user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("end"));
		mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), "{\"start\":\"昨天\"}", user))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE volunteer_id = :v").param("v", v)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM timebank_posting").query(Long.class).single()).isEqualTo(postings);
		assertThat(jdbc.sql("SELECT status FROM elder_request WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("ACCEPTED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM elder_request").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void aSiblingOrAnotherTownshipGetsNotFoundAndALeaderIsForbidden() throws Exception {
		long id = request();
		long v = volunteer("150102001001", SKILL);
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102002");
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		// builders keep the user they were sent as: fresh ones for every user
		java.util.function.Supplier<List<MockHttpServletRequestBuilder>> reads = () -> List.of(get("/api/timebank/requests/{id}", id),
				get("/api/timebank/requests/{id}/suggestions", id));
		for (String as : List.of(sibling, township)) {
			for (var r : reads.get()) {
				mvc.perform(r.with(TestAccounts.as(as))).andExpect(status().isNotFound());
			}
			mvc.perform(json(post("/api/timebank/requests/{id}/accept", id), accept(v), as))
				.andExpect(status().isNotFound());
			mvc.perform(json(post("/api/timebank/requests/{id}/confirm", id), "{}", as))
				.andExpect(status().isNotFound());
			mvc.perform(json(post("/api/timebank/requests"), """
					{"elderAccountId":%d,"skill":"x","content":"x","wantedOn":"%s","minutes":30}"""
				.formatted(elder, LocalDate.now()), as))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("elderAccountId"));
		}
		for (var r : reads.get()) {
			mvc.perform(r.with(TestAccounts.as(leader))).andExpect(status().isOk());
		}
		mvc.perform(json(post("/api/timebank/requests/{id}/accept", id), accept(v), leader))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/timebank/requests"), "{}", leader)).andExpect(status().isForbidden());
		mvc.perform(get("/api/timebank/requests/{id}", id).with(TestAccounts.as(user)))
			.andExpect(jsonPath("$.status").value("OPEN"));
	}

}
