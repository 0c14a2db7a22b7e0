package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * Recruiting and sign-ups: a project recruits until a day with its requirements; volunteers sign up once; the
 * organizer accepts up to the places and declines with a reason; a closed project takes no sign-ups. Bad input gets
 * 400 naming the field and changes nothing. A sibling county and a township below get 404, a read-only leader 403.
 * The project page does the same in place.
 */
@IntegrationTest
class RecruitmentApiTests {

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

	VolunteeringFixtures f;

	long project;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		leader = TestAccounts.create(accounts, Role.LEADER, "15");
		f = new VolunteeringFixtures(mvc, user);
		long team = f.create("/api/volunteer-teams", "{\"name\":\"招募队\",\"regionCode\":\"150102\"}");
		project = f.create("/api/projects", """
				{"name":"敬老院探访","regionCode":"150102","organizerKind":"TEAM","organizerId":%d,"startDate":"%s",
				 "endDate":"%s","place":"敬老院","domain":"ELDERLY","places":2,"timeBank":false}"""
			.formatted(team, LocalDate.now().minusDays(5), LocalDate.now().plusDays(20)));
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
		return r.with(TestAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	long signUp(long volunteer) throws Exception {
		String json = mvc.perform(json(post("/api/projects/{id}/signups", project),
				"{\"volunteerId\":" + volunteer + ",\"note\":\"周末有空\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	long signups() {
		return jdbc.sql("SELECT COUNT(*) FROM project_signup WHERE project_id = :p").param("p", project)
			.query(Long.class).single();
	}

	@Test
	void volunteersSignUpOnceAndAreAcceptedUpToThePlaces() throws Exception {
		mvc.perform(json(put("/api/projects/{id}/recruitment", project), """
				{"open":true,"until":"%s","requirements":"身体健康，有耐心"}""".formatted(LocalDate.now().plusDays(10))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.open").value(true))
			.andExpect(jsonPath("$.requirements").value("身体健康，有耐心"));
		long a = signUp(f.volunteer("150102001"));
		long b = signUp(f.volunteer("150102001"));
		long c = signUp(f.volunteer("150102002"));
		long again = jdbc.sql("SELECT volunteer_id FROM project_signup WHERE id = :id").param("id", a)
			.query(Long.class).single();
		mvc.perform(json(post("/api/projects/{id}/signups", project), "{\"volunteerId\":" + again + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("已报名")));
		for (long s : List.of(a, b)) {
			mvc.perform(json(post("/api/projects/{id}/signups/{s}/accept", project, s), "{}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ACCEPTED"));
		}
		mvc.perform(json(post("/api/projects/{id}/signups/{s}/accept", project, c), "{}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("名额已满")));
		mvc.perform(json(post("/api/projects/{id}/signups/{s}/decline", project, c), "{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(json(post("/api/projects/{id}/signups/{s}/decline", project, b), "{\"reason\":\"时间冲突\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"));
		// the declined one gave its place back
		mvc.perform(json(post("/api/projects/{id}/signups/{s}/accept", project, c), "{}")).andExpect(status().isOk());
		mvc.perform(get("/api/projects/{id}/recruitment", project).with(TestAccounts.as(user)))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.pending").value(0));
		mvc.perform(get("/api/projects/{id}/signups", project).with(TestAccounts.as(user)))
			.andExpect(jsonPath("$.length()").value(3));
	}

	@Test
	void aClosedProjectTakesNoSignUpsAndBadInputChangesNothing() throws Exception {
		long v = f.volunteer("150102001");
		mvc.perform(json(put("/api/projects/{id}/recruitment", project), "{\"open\":false}"))
			.andExpect(status().isOk());
		mvc.perform(json(post("/api/projects/{id}/signups", project), "{\"volunteerId\":" + v + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("未在招募")));
		mvc.perform(json(put("/api/projects/{id}/recruitment", project), """
				{"open":true,"until":"%s"}""".formatted(LocalDate.now().plusDays(400))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		mvc.perform(json(put("/api/projects/{id}/recruitment", project), "{\"until\":\"明天\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("open", "until")));
		assertThat(jdbc.sql("SELECT recruiting FROM service_project WHERE id = :id").param("id", project)
			.query(Boolean.class).single()).isFalse();
		mvc.perform(json(put("/api/projects/{id}/recruitment", project), "{\"open\":true}")).andExpect(status().isOk());
		mvc.perform(json(post("/api/projects/{id}/signups", project), "{\"volunteerId\":99999999}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("volunteerId"));
		mvc.perform(json(post("/api/projects/{id}/signups", project), "{\"volunteerId\":" + v + ",\"note\":\""
				+ "长".repeat(201) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		assertThat(signups()).isZero();
		mvc.perform(json(put("/api/projects/{id}/recruitment", project), """
				{"open":true,"until":"%s"}""".formatted(LocalDate.now().minusDays(1)))).andExpect(status().isOk());
		mvc.perform(json(post("/api/projects/{id}/signups", project), "{\"volunteerId\":" + v + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("截止")));
		assertThat(signups()).isZero();
	}

	@Test
	void aSiblingOrATownshipBelowGetsNotFoundAndALeaderIsForbidden() throws Exception {
		long v = f.volunteer("150102001");
		long s = signUp(v);
		long otherVolunteer = new VolunteeringFixtures(mvc, sibling).volunteer("150105001");
		// builders keep the user they were sent as: fresh ones for every user
		java.util.function.Supplier<List<MockHttpServletRequestBuilder>> reads = () -> List.of(get("/api/projects/{id}/recruitment", project),
				get("/api/projects/{id}/signups", project), get("/api/projects/{id}/signups/{s}", project, s));
		java.util.function.Supplier<List<MockHttpServletRequestBuilder>> writes = () -> List.of(
				put("/api/projects/{id}/recruitment", project).contentType(MediaType.APPLICATION_JSON)
					.content("{\"open\":false}"),
				post("/api/projects/{id}/signups", project).contentType(MediaType.APPLICATION_JSON)
					.content("{\"volunteerId\":" + otherVolunteer + "}"),
				post("/api/projects/{id}/signups/{s}/accept", project, s).contentType(MediaType.APPLICATION_JSON)
					.content("{}"),
				post("/api/projects/{id}/signups/{s}/decline", project, s).contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"x\"}"),
				post("/volunteering/projects/{id}/signups/{s}/accept", project, s).with(csrf()),
				post("/volunteering/projects/{id}/recruitment", project).with(csrf()));
		for (String other : List.of(sibling, township)) {
			for (var r : reads.get()) {
				mvc.perform(r.with(TestAccounts.as(other))).andExpect(status().isNotFound());
			}
			for (var w : writes.get()) {
				mvc.perform(w.with(TestAccounts.as(other))).andExpect(status().isNotFound());
			}
		}
		for (var r : reads.get()) {
			mvc.perform(r.with(TestAccounts.as(leader))).andExpect(status().isOk());
		}
		for (var w : writes.get()) {
			mvc.perform(w.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		}
		assertThat(signups()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM project_signup WHERE id = :id").param("id", s).query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(jdbc.sql("SELECT recruiting FROM service_project WHERE id = :id").param("id", project)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void theProjectPageSignsUpAcceptsAndShowsRefusalsInPlace() throws Exception {
		long v = f.volunteer("150102001");
		mvc.perform(get("/volunteering/projects/{id}", project).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"signup-form\"")));
		mvc.perform(post("/volunteering/projects/{id}/signups", project).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true").param("volunteerId", Long.toString(v)).param("note", "可以开车"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("可以开车")))
			.andExpect(content().string(containsString("待处理")));
		mvc.perform(post("/volunteering/projects/{id}/signups", project).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true").param("volunteerId", Long.toString(v)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("已报名")));
		mvc.perform(post("/volunteering/projects/{id}/signups", project).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true").param("volunteerId", "abc"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("志愿者")));
		long s = jdbc.sql("SELECT id FROM project_signup WHERE project_id = :p").param("p", project).query(Long.class)
			.single();
		mvc.perform(post("/volunteering/projects/{id}/signups/{s}/accept", project, s).with(csrf())
			.with(TestAccounts.as(user)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已接受")));
		mvc.perform(post("/volunteering/projects/{id}/signups/{s}/decline", project, s).with(csrf())
			.with(TestAccounts.as(user)).header("HX-Request", "true"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT status FROM project_signup WHERE id = :id").param("id", s).query(String.class)
			.single()).isEqualTo("ACCEPTED");
	}

}
