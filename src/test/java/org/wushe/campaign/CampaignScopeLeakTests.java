package org.wushe.campaign;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A county's own local campaign (reporting down to its townships) is invisible to the sibling county on every
 * endpoint: reading, writing, reporting, completeness, export and import all answer as if it did not exist.
 */
@IntegrationTest
class CampaignScopeLeakTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	@Autowired
	Clock clock;

	long local;

	String owner;

	String sibling;

	@BeforeEach
	void setUp() {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.now(clock);
		long parent = campaigns.create(new RegionScope(RegionCode.parse("15")), new CampaignInput(null,
				"leak-parent-" + System.nanoTime(), "t", "15", 2, today.minusDays(5).toString(),
				today.plusDays(5).toString(), List.of(now.plus(1, ChronoUnit.DAYS).toString()), null, null, null, null,
				null, null, null), "test");
		local = campaigns.create(new RegionScope(RegionCode.parse("150102")), new CampaignInput(parent,
				"leak-local-" + System.nanoTime(), null, "150102", 4, null, null,
				List.of(now.plus(1, ChronoUnit.DAYS).toString()), now.plus(2, ChronoUnit.DAYS).toString(), null, null,
				null, null, null, null), "test");
		owner = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
	}

	@Test
	void theOwnerReachesEverything() throws Exception {
		mvc.perform(get("/api/campaigns/{id}", local).with(TestAccounts.as(owner))).andExpect(status().isOk());
		mvc.perform(post("/api/campaigns/{id}/reports/1/submit", local).param("regionCode", "150102001")
			.with(TestAccounts.as(owner))).andExpect(status().isOk());
		mvc.perform(post("/api/campaigns/{id}/summary", local).with(TestAccounts.as(owner))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\": \"150102001\", \"body\": \"ok\"}")).andExpect(status().isOk());
	}

	@Test
	void aRegionAboveTheLocalCampaignReadsAsTheCampaignsOwnForItsCounty() throws Exception {
		var county = TestAccounts.as(TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102"));
		mvc.perform(get("/api/campaigns/{id}/completeness", local).param("deadline", "1").param("region", "15")
			.with(county)).andExpect(status().isOk()).andExpect(jsonPath("$[0].regionCode").value(
					org.hamcrest.Matchers.startsWith("150102")));
		mvc.perform(get("/api/campaigns/{id}/summary/completeness", local).param("region", "15").with(county))
			.andExpect(status().isOk());
		mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", local).param("region", "15").with(county))
			.andExpect(status().isOk());
		mvc.perform(get("/campaigns/{id}/completeness", local).param("region", "15").with(county))
			.andExpect(status().isOk());
		mvc.perform(get("/campaigns/{id}/activities", local).param("region", "15").with(county))
			.andExpect(status().isOk());
		mvc.perform(get("/api/campaigns/{id}/completeness", local).param("region", "15x").with(county))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/campaigns/{id}/completeness", local).param("region", "150105").with(county))
			.andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/activities", local).param("region", "150105").with(county))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSiblingCountyGetsNotFoundEverywhere() throws Exception {
		var as = TestAccounts.as(sibling);
		mvc.perform(get("/api/campaigns/{id}", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/activities", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(post("/api/campaigns/{id}/activities", local).with(as)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\": \"150105\", \"name\": \"x\", \"startDate\": \"2022-03-20\", \"domains\": [\"OTHER\"]}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/stats/activities").param("region", "150105")
			.param("from", "2022-01-01")
			.param("to", "2022-12-31")
			.param("campaign", String.valueOf(local))
			.with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/reports/1", local).param("region", "150102001").with(as))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/campaigns/{id}/reports/1/submit", local).param("regionCode", "150102001").with(as))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/campaigns/{id}/reports/1/return", local).param("regionCode", "150102001")
			.with(as)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"x\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/completeness", local).param("deadline", "1").with(as))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/campaigns/{id}/summary", local).with(as)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\": \"150102001\", \"body\": \"x\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/summary/completeness", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", local).param("region", "150102").with(as))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/api/campaigns/{id}/activities/import", local)
			.file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", new byte[] { 1 }))
			.param("regionCode", "150105")
			.with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/reminders").with(as))
			.andExpect(jsonPath("$[?(@.campaignId == %d)]".formatted(local)).isEmpty());

		mvc.perform(get("/campaigns/{id}", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/activities", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/reports/1", local).param("region", "150102001").with(as))
			.andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/completeness", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/summary", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/activities/import", local).with(as)).andExpect(status().isNotFound());
		mvc.perform(post("/campaigns/{id}/reports/1/submit", local).param("region", "150102001").with(as).with(csrf()))
			.andExpect(status().isNotFound());
	}

}
