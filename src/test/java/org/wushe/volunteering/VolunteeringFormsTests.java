package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
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
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * The team and project forms: labelled fields with required markers, a valid form stored, a refused one shown again
 * (422) with each field's Chinese error beside it and nothing stored; edits keep region and organizer and may not
 * leave recorded hours outside the dates. A sibling county and a township below get 404, a read-only leader 403.
 */
@IntegrationTest
class VolunteeringFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	String sibling;

	String township;

	String leader;

	long team;

	long project;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		leader = TestAccounts.create(accounts, Role.LEADER, "15");
		VolunteeringFixtures f = new VolunteeringFixtures(mvc, user);
		team = f.create("/api/volunteer-teams", "{\"name\":\"县级助老队\",\"regionCode\":\"150102\"}");
		project = f.project("150102", team, false);
		f.hours(project, f.volunteer("150102001"), 10, 9, 60);
	}

	long projects() {
		return jdbc.sql("SELECT COUNT(*) FROM service_project").query(Long.class).single();
	}

	String projectName() {
		return jdbc.sql("SELECT name FROM service_project WHERE id = :id").param("id", project).query(String.class)
			.single();
	}

	MockHttpServletRequestBuilder projectForm(MockHttpServletRequestBuilder r, String name, String start, String end,
			String places) {
		return r.with(csrf())
			.param("name", name)
			.param("regionCode", "150102001")
			.param("organizer", "TEAM:" + team)
			.param("startDate", start)
			.param("endDate", end)
			.param("place", "社区活动室")
			.param("domain", "ELDERLY")
			.param("places", places)
			.param("recruiting", "true");
	}

	@Test
	void theProjectFormStoresAValidProjectAndShowsFieldErrorsInChinese() throws Exception {
		mvc.perform(get("/volunteering/projects/new").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("for=\"name\"")))
			.andExpect(content().string(containsString("name=\"places\"")))
			.andExpect(content().string(containsString("required")))
			.andExpect(content().string(containsString("TEAM:" + team)));
		long before = projects();
		String today = LocalDate.now().toString();
		mvc.perform(projectForm(post("/volunteering/projects"), "", today, LocalDate.now().minusDays(1).toString(),
				"很多").with(TestAccounts.as(user)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-error-for=\"name\"")))
			.andExpect(content().string(containsString("data-error-for=\"endDate\"")))
			.andExpect(content().string(containsString("data-error-for=\"places\"")))
			.andExpect(content().string(containsString("结束日期")))
			.andExpect(content().string(containsString("社区活动室")));
		assertThat(projects()).isEqualTo(before);
		mvc.perform(projectForm(post("/volunteering/projects"), "冬季送温暖", today,
				LocalDate.now().plusDays(30).toString(), "12").with(TestAccounts.as(user)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/volunteering/projects/*"));
		assertThat(projects()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT places FROM service_project WHERE name = '冬季送温暖' ORDER BY id DESC LIMIT 1")
			.query(Integer.class).single()).isEqualTo(12);
	}

	@Test
	void anEditKeepsRecordedHoursWithinTheDates() throws Exception {
		mvc.perform(get("/volunteering/projects/{id}/edit", project).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("助老上门")));
		mvc.perform(projectForm(post("/volunteering/projects/{id}", project), "改过的名称",
				LocalDate.now().minusDays(3).toString(), LocalDate.now().plusDays(3).toString(), "8")
			.with(TestAccounts.as(user)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-error-for=\"startDate\"")));
		assertThat(projectName()).isEqualTo("助老上门");
		mvc.perform(projectForm(post("/volunteering/projects/{id}", project), "改过的名称",
				LocalDate.now().minusDays(20).toString(), LocalDate.now().plusDays(3).toString(), "8")
			.with(TestAccounts.as(user)))
			.andExpect(status().is3xxRedirection());
		assertThat(projectName()).isEqualTo("改过的名称");
		assertThat(jdbc.sql("SELECT region_code FROM service_project WHERE id = :id").param("id", project)
			.query(String.class).single()).as("the region stays").isEqualTo("150102");
		// the API edits the same way
		mvc.perform(put("/api/projects/{id}", project).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"","startDate":"%s","endDate":"%s","place":"x","domain":"NOPE","places":0}"""
				.formatted(LocalDate.now().minusDays(20), LocalDate.now())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "domain", "places")));
		assertThat(projectName()).isEqualTo("改过的名称");
	}

	@Test
	void theTeamFormCreatesAndRenames() throws Exception {
		mvc.perform(post("/volunteering/teams").with(csrf()).with(TestAccounts.as(user)).param("name", "")
			.param("regionCode", "150105"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-error-for=\"name\"")))
			.andExpect(content().string(containsString("data-error-for=\"regionCode\"")));
		mvc.perform(post("/volunteering/teams").with(csrf()).with(TestAccounts.as(user)).param("name", "巾帼志愿服务队")
			.param("regionCode", "150102001")).andExpect(status().is3xxRedirection());
		long created = jdbc.sql("SELECT MAX(id) FROM volunteer_team WHERE name = '巾帼志愿服务队'").query(Long.class)
			.single();
		mvc.perform(get("/volunteering/teams/{id}/edit", created).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("巾帼志愿服务队")));
		mvc.perform(post("/volunteering/teams/{id}", created).with(csrf()).with(TestAccounts.as(user))
			.param("name", "巾帼服务队")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT name FROM volunteer_team WHERE id = :id").param("id", created)
			.query(String.class).single()).isEqualTo("巾帼服务队");
	}

	List<MockHttpServletRequestBuilder> forms() {
		return List.of(get("/volunteering/projects/{id}/edit", project), get("/volunteering/teams/{id}/edit", team),
				projectForm(post("/volunteering/projects/{id}", project), "别人的", "2025-01-01", "2099-01-01", "3"),
				post("/volunteering/teams/{id}", team).with(csrf()).param("name", "别人的"));
	}

	@Test
	void aSiblingOrATownshipBelowGetsNotFoundAndALeaderIsForbidden() throws Exception {
		for (String other : List.of(sibling, township)) {
			for (var r : forms()) {
				mvc.perform(r.with(TestAccounts.as(other))).andExpect(status().isNotFound());
			}
		}
		for (var r : forms()) {
			mvc.perform(r.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/volunteering/projects/new").with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		mvc.perform(projectForm(post("/volunteering/projects"), "x", "2025-01-01", "2025-01-02", "3")
			.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		assertThat(projectName()).isEqualTo("助老上门");
		assertThat(jdbc.sql("SELECT name FROM volunteer_team WHERE id = :id").param("id", team).query(String.class)
			.single()).isEqualTo("县级助老队");
		// the sibling's own form does not offer the county's team as organizer
		mvc.perform(get("/volunteering/projects/new").with(TestAccounts.as(sibling)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("TEAM:" + team + "\""))));
	}

}
