package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * Family members and guardians of a person of 新城区 (150102): sealed phones shown masked, links to registered persons
 * only within scope, the person's API fields unchanged beside {@code family}, and nothing for the sibling county
 * 赛罕区 (150105), a worker of a sibling township or the read-only leader.
 */
@IntegrationTest
class FamilyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String county;

	String sibling;

	String lower;

	String leader;

	long person;

	long grandmother;

	long stranger;

	@BeforeEach
	void setUp() throws Exception {
		county = logins.county();
		sibling = logins.sibling();
		lower = logins.create(Role.STATION_WORKER, "150102002");
		leader = logins.leader();
		person = CareFixtures.person(mvc, county, "150102001001");
		grandmother = CareFixtures.person(mvc, county, "150102001");
		stranger = CareFixtures.person(mvc, sibling, "150105001");
	}

	ResultActions add(String user, String body) throws Exception {
		return mvc.perform(post("/api/persons/" + person + "/family").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	long relatives() {
		return jdbc.sql("SELECT COUNT(*) FROM care_person_relative WHERE person_id = :p").param("p", person)
			.query(Long.class).single();
	}

	@Test
	void familyMembersAreAddedShownAndRemoved() throws Exception {
		String phone = ActorTestData.mobile();
		add(county, """
				{"name":"王建国","relation":"儿子","phone":"%s"}""".formatted(phone)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.phone").value(not(phone)))
			.andExpect(jsonPath("$.guardian").value(false));
		add(county, """
				{"relation":"祖母","relatedPersonId":%d,"guardian":true}""".formatted(grandmother))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("测试对象"));
		assertThat(jdbc.sql("SELECT phone_cipher FROM care_person_relative WHERE person_id = :p AND phone_cipher IS NOT NULL")
			.param("p", person).query(String.class).single()).doesNotContain(phone);
		String json = mvc.perform(get("/api/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(person))
			.andExpect(jsonPath("$.regionCode").value("150102001001"))
			.andExpect(jsonPath("$.riskLevel").value("HIGH"))
			.andExpect(jsonPath("$.family.length()").value(2))
			.andExpect(jsonPath("$.family[0].guardian").value(true))
			.andExpect(jsonPath("$.family[0].relatedPersonId").value(grandmother))
			.andExpect(jsonPath("$.family[1].relation").value("儿子"))
			.andReturn().getResponse().getContentAsString();
		assertThat(json).doesNotContain(phone);
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("王建国")))
			.andExpect(content().string(containsString("/care/persons/" + grandmother)));
		long relative = jdbc.sql("SELECT id FROM care_person_relative WHERE person_id = :p AND guardian = FALSE")
			.param("p", person).query(Long.class).single();
		for (String outsider : new String[] { sibling, lower }) {
			mvc.perform(delete("/api/persons/" + person + "/family/" + relative).with(TestAccounts.as(outsider)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(delete("/api/persons/" + person + "/family/" + relative).with(TestAccounts.as(county)))
			.andExpect(status().isNoContent());
		assertThat(relatives()).isEqualTo(1);
	}

	@Test
	void theFullPhoneIsRevealedInScopeOnlyAndAudited() throws Exception {
		String phone = ActorTestData.mobile();
		add(county, """
				{"name":"王建国","relation":"儿子","phone":"%s"}""".formatted(phone)).andExpect(status().isCreated());
		long relative = jdbc.sql("SELECT id FROM care_person_relative WHERE person_id = :p").param("p", person)
			.query(Long.class).single();
		String url = "/care/persons/" + person + "/family/" + relative + "/phone";
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("hx-get=\"" + url + "\"")))
			.andExpect(content().string(not(containsString(phone))));
		mvc.perform(get(url).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"relative-phone-" + relative + "\"")))
			.andExpect(content().string(containsString(phone)));
		mvc.perform(get("/api/persons/" + person + "/family/" + relative + "/phone").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value(phone));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.view'"
				+ " AND entity_type = 'person' AND entity_id = :id").param("id", String.valueOf(person))
			.query(Long.class).single()).isEqualTo(2);
		// the sibling county (which may view personal data) finds nothing; a relative of another person is unknown
		mvc.perform(get(url).with(TestAccounts.as(sibling))).andExpect(status().isNotFound());
		mvc.perform(get("/api/persons/" + person + "/family/" + relative + "/phone").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/persons/" + grandmother + "/family/" + relative + "/phone").with(TestAccounts.as(county)))
			.andExpect(status().isNotFound());
		// without personal-data:view: no button and no full phone
		mvc.perform(get(url).with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(leader)))
			.andExpect(content().string(not(containsString(url))));
	}

	@Test
	void badInputNamesTheFieldAndStoresNothing() throws Exception {
		add(county, """
				{"name":"王建国"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("relative.relation"))
			.andExpect(jsonPath("$.detail").value(containsString("与本人关系")));
		add(county, """
				{"name":"王建国","relation":"儿子","phone":"12345"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("relative.phone"));
		add(county, """
				{"relation":"邻居","relatedPersonId":%d}""".formatted(stranger)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("relative.relatedPersonId"))
			.andExpect(content().string(not(containsString("赛罕区"))));
		add(county, """
				{"relation":"本人","relatedPersonId":%d}""".formatted(person)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("relative.relatedPersonId"));
		mvc.perform(post("/care/persons/" + person + "/family").with(TestAccounts.as(county)).with(csrf())
			.param("name", "王建国"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("与本人关系")));
		assertThat(relatives()).isZero();
	}

	@Test
	void outsidersNeitherSeeNorAdd() throws Exception {
		String body = """
				{"name":"越权","relation":"儿子"}""";
		for (String outsider : new String[] { sibling, lower }) {
			add(outsider, body).andExpect(status().isNotFound());
			mvc.perform(get("/api/persons/" + person).with(TestAccounts.as(outsider))).andExpect(status().isNotFound());
		}
		add(leader, body).andExpect(status().isForbidden());
		mvc.perform(get("/api/persons/" + person).with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.family.length()").value(0));
		assertThat(relatives()).isZero();
	}

}
