package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Operators' endpoints: health without login and without details, liveness and readiness, and Prometheus metrics
 * (with the domain counters) only for holders of {@code metrics:view}.
 */
@IntegrationTest
class OperationsEndpointTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void healthAnswersWithoutLoginAndWithoutDetails() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void metricsNeedTheirPermissionAndCountFailedLoginsAndWrites() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
		mvc.perform(get("/actuator/prometheus").with(TestAccounts.as(county))).andExpect(status().isForbidden());
		String before = metrics(admin);
		assertThat(before).contains("hikaricp_connections").contains("jvm_memory_used_bytes")
			.contains("http_server_requests_seconds");

		mvc.perform(post("/login").with(csrf()).param("username", county).param("password", "wrong-password-x"));
		mvc.perform(post("/api/accounts").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s-m","displayName":"社工","regionCode":"150102001","role":"STATION_WORKER","password":"initial-pass-1"}"""
				.formatted(county)))
			.andExpect(status().isCreated());
		String after = metrics(admin);
		assertThat(value(after, "wushe_logins_failed_total")).isEqualTo(value(before, "wushe_logins_failed_total") + 1);
		assertThat(value(after, "wushe_records_written_total{entity=\"account\"}"))
			.isEqualTo(value(before, "wushe_records_written_total{entity=\"account\"}") + 1);
	}

	String metrics(String user) throws Exception {
		return mvc.perform(get("/actuator/prometheus").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static double value(String text, String series) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(text);
		return m.find() ? Double.parseDouble(m.group(1)) : 0;
	}

}
