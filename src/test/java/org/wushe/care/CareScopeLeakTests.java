package org.wushe.care;

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

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * People, visits and cases of 新城区 (150102), township 150102001, asked for by the sibling county 赛罕区 (150105),
 * by a worker of the sibling township 150102002 (a lower level) and by the county's read-only leader: every read of
 * another subtree is a 404 that shows nothing, every write a 404 (or 403 for the leader) that changes nothing. Notes
 * and health fields are protected above the county.
 */
@IntegrationTest
class CareScopeLeakTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String owner;

	String sibling;

	String lower;

	String leader;

	String province;

	long person;

	long kase;

	long relative;

	@BeforeEach
	void setUp() throws Exception {
		owner = logins.county();
		sibling = logins.sibling();
		lower = logins.create(Role.STATION_WORKER, "150102002");
		leader = logins.leader();
		province = logins.create(Role.PROVINCE_STAFF, "15");
		person = CareFixtures.person(mvc, owner, "150102001001");
		CareFixtures.visit(mvc, owner, person, LocalDate.now(), "URGENT");
		kase = CareFixtures.create(mvc, owner, "/api/cases", """
				{"personId":%d,"reason":"保密的接案原因"}""".formatted(person));
		relative = CareFixtures.create(mvc, owner, "/api/persons/" + person + "/family", """
				{"name":"王建国","relation":"儿子","phone":"%s"}""".formatted(org.wushe.actor.ActorTestData.mobile()));
	}

	/** The reads of full personal data: refused (403) to those without personal-data:view before any look-up. */
	static boolean personal(Call c) {
		return c.path().endsWith("/personal-data") || c.path().endsWith("/phone");
	}

	record Call(String method, String path, String body) {
	}

	List<Call> reads() {
		return List.of(new Call("GET", "/api/persons/" + person, null),
				new Call("GET", "/api/persons/" + person + "/history", null),
				new Call("GET", "/api/persons/" + person + "/personal-data", null),
				new Call("GET", "/api/persons/" + person + "/visits", null),
				new Call("GET", "/api/persons/" + person + "/family/" + relative + "/phone", null),
				new Call("GET", "/care/persons/" + person + "/family/" + relative + "/phone", null),
				new Call("GET", "/api/cases/" + kase, null),
				new Call("GET", "/api/persons?region=150102001", null),
				new Call("GET", "/api/visits/due?region=150102001", null),
				new Call("GET", "/api/visits/alerts?region=150102001", null),
				new Call("GET", "/api/persons/transfers?region=150102001", null),
				new Call("GET", "/api/cases?region=150102001", null),
				new Call("GET", "/api/cases/referrals?region=150102001", null),
				new Call("GET", "/care/persons/" + person, null),
				new Call("GET", "/care/cases/" + kase, null));
	}

	List<Call> writes() {
		String today = LocalDate.now().toString();
		return List.of(new Call("PUT", "/api/persons/" + person, CareFixtures.adult("150102001001", "\"ELDER_ALONE\"", "LOW")),
				new Call("POST", "/api/persons/" + person + "/transfer", "{\"regionCode\":\"150105001\"}"),
				new Call("POST", "/api/persons/" + person + "/visits",
						"{\"date\":\"" + today + "\",\"way\":\"HOME\",\"followUp\":\"NONE\"}"),
				new Call("POST", "/api/persons/" + person + "/family", "{\"name\":\"越权\",\"relation\":\"儿子\"}"),
				new Call("POST", "/api/cases", "{\"personId\":" + person + ",\"reason\":\"越权\"}"),
				new Call("POST", "/api/cases/" + kase + "/assessment",
						"{\"safety\":1,\"health\":1,\"dailyLiving\":1,\"economy\":1,\"family\":1,\"psychology\":1}"),
				new Call("POST", "/api/cases/" + kase + "/plan",
						"{\"goals\":\"g\",\"actions\":\"a\",\"who\":\"w\",\"byDate\":\"" + today + "\"}"),
				new Call("POST", "/api/cases/" + kase + "/plan/approve", "{}"),
				new Call("POST", "/api/cases/" + kase + "/plan/return", "{\"reason\":\"r\"}"),
				new Call("POST", "/api/cases/" + kase + "/services",
						"{\"date\":\"" + today + "\",\"kind\":\"INDIVIDUAL\"}"),
				new Call("POST", "/api/cases/" + kase + "/referrals",
						"{\"toKind\":\"DEPARTMENT\",\"to\":\"民政\",\"reason\":\"r\"}"),
				new Call("POST", "/api/cases/" + kase + "/close", "{\"reason\":\"r\"}"),
				new Call("POST", "/api/cases/" + kase + "/close/approve", "{}"),
				new Call("POST", "/api/cases/" + kase + "/reopen", "{\"reason\":\"r\"}"),
				new Call("POST", "/api/cases/" + kase + "/referrals/1/accept", "{}"),
				new Call("POST", "/api/cases/" + kase + "/referrals/1/decline", "{\"reason\":\"r\"}"));
	}

	void perform(String user, Call c, ResultMatcher expected) throws Exception {
		var request = switch (c.method()) {
			case "GET" -> get(c.path());
			case "PUT" -> put(c.path());
			default -> post(c.path());
		};
		if (c.body() != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(c.body());
		}
		mvc.perform(request.with(TestAccounts.as(user)))
			.andExpect(expected)
			.andExpect(content().string(not(containsString("保密的接案原因"))));
	}

	@Test
	void siblingCountyAndLowerLevelReachNothing() throws Exception {
		String state = state();
		for (String user : List.of(sibling, lower)) {
			for (Call c : reads()) {
				// a worker without personal-data:view is refused the full fields before any look-up (403)
				boolean refused = user.equals(lower) && personal(c);
				perform(user, c, refused ? status().isForbidden() : status().isNotFound());
			}
			for (Call c : writes()) {
				// a worker may be a marked supervisor, so a supervisor's decision is looked up too: outside the
				// scope it is a 404 like every other step
				perform(user, c, status().isNotFound());
			}
			// whole-scope lists hold nothing of the owner's
			for (String path : List.of("/api/persons", "/api/visits/due", "/api/visits/alerts", "/api/cases")) {
				mvc.perform(get(path).with(TestAccounts.as(user)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$[*].personId", not(hasItem((int) person))))
					.andExpect(jsonPath("$[*].id", not(hasItem((int) person))));
			}
			// registering in another subtree is refused, naming the field
			mvc.perform(post("/api/persons").with(TestAccounts.as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CareFixtures.adult("150102001001", "\"ELDER_ALONE\"", "LOW")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")));
			// a worker has no dashboard at all (403); the sibling county's is a 404
			mvc.perform(get("/api/stats/dashboard").param("region", "150102001").with(TestAccounts.as(user)))
				.andExpect(user.equals(lower) ? status().isForbidden() : status().isNotFound());
		}
		assertThat(state()).isEqualTo(state);
		// the owner reaches all of it
		for (Call c : reads()) {
			mvc.perform(get(c.path()).with(TestAccounts.as(owner))).andExpect(status().isOk());
		}
	}

	@Test
	void readOnlyLeaderReadsButWritesNothing() throws Exception {
		String state = state();
		for (Call c : reads()) {
			if (personal(c)) {
				mvc.perform(get(c.path()).with(TestAccounts.as(leader))).andExpect(status().isForbidden());
				continue;
			}
			mvc.perform(get(c.path()).with(TestAccounts.as(leader))).andExpect(status().isOk());
		}
		for (Call c : writes()) {
			var request = c.method().equals("PUT") ? put(c.path()) : post(c.path());
			mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(c.body()).with(TestAccounts.as(leader)))
				.andExpect(status().isForbidden());
		}
		assertThat(state()).isEqualTo(state);
	}

	@Test
	void notesAreProtectedAboveTheCounty() throws Exception {
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notesHidden").value(true))
			.andExpect(jsonPath("$.reason").doesNotExist())
			.andExpect(content().string(not(containsString("保密的接案原因"))));
		mvc.perform(get("/api/persons/{id}/visits", person).with(TestAccounts.as(province)))
			.andExpect(content().string(not(containsString("血压偏高"))));
		mvc.perform(get("/api/cases").param("region", "150102").with(TestAccounts.as(province)))
			.andExpect(content().string(not(containsString("保密的接案原因"))));
		mvc.perform(get("/api/persons/{id}", person).with(TestAccounts.as(province)))
			.andExpect(content().string(not(containsString("高血压"))));
		// the county reads them
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(owner)))
			.andExpect(jsonPath("$.reason").value("保密的接案原因"));
		mvc.perform(get("/api/persons/{id}/visits", person).with(TestAccounts.as(owner)))
			.andExpect(jsonPath("$[0].notes").value("血压偏高"));
	}

	/** Everything the writes could change, as one text. */
	String state() {
		return jdbc.sql("""
				SELECT p.region_code || '|' || p.next_due || '|' || p.risk_level || '|'
				    || (SELECT COUNT(*) FROM care_visit v WHERE v.person_id = p.id) || '|'
				    || (SELECT COUNT(*) FROM care_case c WHERE c.person_id = p.id) || '|'
				    || (SELECT MAX(c.stage) FROM care_case c WHERE c.person_id = p.id) || '|'
				    || (SELECT COUNT(*) FROM care_case_event e JOIN care_case c ON c.id = e.case_id WHERE c.person_id = p.id)
				    || '|' || (SELECT COUNT(*) FROM care_person_relative r WHERE r.person_id = p.id)
				FROM care_person p WHERE p.id = :id
				""").param("id", person).query(String.class).single();
	}

}
