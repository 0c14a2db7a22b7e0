package org.wushe.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Theme campaigns for integration tests, created through the API: the whole autonomous region ({@code 15}), leagues
 * report, with a unique name; held 17–31 March 2022 unless they run now.
 */
public final class TestCampaigns {

	private TestCampaigns() {
	}

	/**
	 * Creates a campaign as {@code user} (a province account) named {@code prefix} plus a unique number, with these
	 * report deadlines (ISO instants), and returns its id.
	 */
	public static long create(MockMvc mvc, String user, String prefix, String... deadlines) throws Exception {
		return create(mvc, user, prefix, "2022-03-17", "2022-03-31", null, deadlines);
	}

	/**
	 * Creates a campaign running now (from ten days before {@code today} to ten days after) with these report
	 * deadlines and summary deadline, and returns its id.
	 */
	public static long createCurrent(MockMvc mvc, String user, String prefix, LocalDate today, Instant summary,
			Instant... deadlines) throws Exception {
		return create(mvc, user, prefix, today.minusDays(10).toString(), today.plusDays(10).toString(),
				summary.toString(), Arrays.stream(deadlines).map(Instant::toString).toArray(String[]::new));
	}

	private static long create(MockMvc mvc, String user, String prefix, String start, String end, String summary,
			String... deadlines) throws Exception {
		String list = Arrays.stream(deadlines).map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
		String summaryField = summary == null ? "" : ", \"summaryDeadline\": \"" + summary + "\"";
		return id(mvc.perform(post("/api/campaigns").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s-%d", "theme": "t", "regionCode": "15", "reportingLevel": 2,
					 "startDate": "%s", "endDate": "%s", "deadlines": [%s]%s}
					""".formatted(prefix, System.nanoTime(), start, end, list, summaryField)))
			.andExpect(status().isCreated()));
	}

	/** The {@code id} of the JSON a request answered. */
	public static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

}
