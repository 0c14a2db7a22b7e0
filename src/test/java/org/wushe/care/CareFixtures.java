package org.wushe.care;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.actor.ActorTestData;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/** Registers persons, visits and cases through the API for tests. */
public final class CareFixtures {

	private CareFixtures() {
	}

	/** An adult's body with a fresh valid ID number of {@code region6}, its birth date taken from the number. */
	static String adult(String regionCode, String categories, String risk) {
		String id = ActorTestData.idNumber(regionCode.substring(0, 6));
		String birth = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
		return """
				{"regionCode":"%s","name":"测试对象","gender":"FEMALE","birthDate":"%s","idNumber":"%s",
				 "phone":"%s","address":"内蒙古呼和浩特市新城区某街道12号","healthNotes":"高血压，行动不便",
				 "categories":[%s],"riskLevel":"%s"}""".formatted(regionCode, birth, id, ActorTestData.mobile(),
				categories, risk);
	}

	public static long create(MockMvc mvc, String user, String path, String body) throws Exception {
		String json = mvc.perform(post(path).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	static long person(MockMvc mvc, String user, String regionCode) throws Exception {
		return create(mvc, user, "/api/persons", adult(regionCode, "\"ELDER_ALONE\"", "HIGH"));
	}

	static long visit(MockMvc mvc, String user, long person, LocalDate date, String followUp) throws Exception {
		return create(mvc, user, "/api/persons/" + person + "/visits", """
				{"date":"%s","way":"HOME","findings":["HEALTH"],"followUp":"%s","notes":"血压偏高"}"""
			.formatted(date, followUp));
	}

	static void step(MockMvc mvc, String user, String path, String body) throws Exception {
		mvc.perform(post(path).with(TestAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
	}

	/** A case of {@code person} opened by {@code worker}, assessed, planned and approved by {@code supervisor}. */
	static long caseInService(MockMvc mvc, String worker, String supervisor, long person) throws Exception {
		long kase = create(mvc, worker, "/api/cases", """
				{"personId":%d,"reason":"独居老人需要照料"}""".formatted(person));
		step(mvc, worker, "/api/cases/" + kase + "/assessment", """
				{"safety":1,"health":3,"dailyLiving":2,"economy":1,"family":2,"psychology":1}""");
		step(mvc, worker, "/api/cases/" + kase + "/plan", """
				{"goals":"按时服药","actions":"每周上门","who":"社工","byDate":"%s"}""".formatted(LocalDate.now().plusMonths(2)));
		step(mvc, supervisor, "/api/cases/" + kase + "/plan/approve", "{}");
		return kase;
	}

	static String json(String s) {
		return s;
	}

	static MediaType type() {
		return MediaType.APPLICATION_JSON;
	}

}
