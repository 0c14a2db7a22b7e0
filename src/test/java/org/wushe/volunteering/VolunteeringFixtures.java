package org.wushe.volunteering;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.actor.ActorTestData;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/** Volunteers, teams, projects and hours created through the API for tests. */
final class VolunteeringFixtures {

	private final MockMvc mvc;

	private final String user;

	VolunteeringFixtures(MockMvc mvc, String user) {
		this.mvc = mvc;
		this.user = user;
	}

	long create(String path, String body) throws Exception {
		String json = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	long volunteer(String region) throws Exception {
		return create("/api/volunteers", """
				{"name":"志愿者%d","idNumber":"%s","regionCode":"%s"}""".formatted(System.nanoTime() % 100000,
				ActorTestData.idNumber(region.substring(0, 6)), region));
	}

	long team(String region) throws Exception {
		return create("/api/volunteer-teams", """
				{"name":"助老服务队","regionCode":"%s"}""".formatted(region));
	}

	long project(String region, long teamId, boolean timeBank) throws Exception {
		LocalDate today = LocalDate.now();
		return create("/api/projects", """
				{"name":"助老上门","regionCode":"%s","organizerKind":"TEAM","organizerId":%d,"startDate":"%s",
				 "endDate":"%s","place":"社区活动室","domain":"ELDERLY","places":20,"timeBank":%s}"""
			.formatted(region, teamId, today.minusDays(60), today.plusDays(30), timeBank));
	}

	/** Records one session, {@code daysAgo} days ago from {@code hour}:00 for {@code minutes}; answers its id. */
	long hours(long projectId, long volunteerId, int daysAgo, int hour, int minutes) throws Exception {
		var start = LocalDate.now().minusDays(daysAgo).atTime(hour, 0);
		String json = mvc.perform(post("/api/projects/{id}/hours", projectId).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"volunteerId":%d,"start":"%s","end":"%s","content":"陪伴聊天"}]""".formatted(volunteerId, start,
					start.plusMinutes(minutes))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.recorded[0]")).longValue();
	}

	void confirm(long hoursId) throws Exception {
		mvc.perform(post("/api/hours/{id}/confirm", hoursId).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
	}

}
