package org.wushe.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Theme campaigns for integration tests, created through the API: the whole autonomous region ({@code 15}), leagues
 * report, 17–31 March 2022, with a unique name.
 */
public final class TestCampaigns {

	private TestCampaigns() {
	}

	/**
	 * Creates a campaign as {@code user} (a province account) named {@code prefix} plus a unique number, with these
	 * report deadlines (ISO instants), and returns its id.
	 */
	public static long create(MockMvc mvc, String user, String prefix, String... deadlines) throws Exception {
		String list = Arrays.stream(deadlines).map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
		return id(mvc.perform(post("/api/campaigns").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s-%d", "theme": "t", "regionCode": "15", "reportingLevel": 2,
					 "startDate": "2022-03-17", "endDate": "2022-03-31", "deadlines": [%s]}
					""".formatted(prefix, System.nanoTime(), list)))
			.andExpect(status().isCreated()));
	}

	/** The {@code id} of the JSON a request answered. */
	public static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

}
