package org.wushe.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** The audit page speaks business words: what was changed, the region's name, and "this server" for loopback. */
@IntegrationTest
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditTrail audit;

	@Test
	void eventsShowBusinessWordsAndRegionNames() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		audit.record(county, "donation.create", "donation", 3298L, RegionCode.parse("150102001"), "127.0.0.1", null);
		mvc.perform(get("/audit").param("action", "donation.create").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>捐赠</span>")))
			.andExpect(content().string(containsString("编号 3298")))
			.andExpect(content().string(containsString("<span>海拉尔东路街道</span>")))
			.andExpect(content().string(containsString("<td>本机</td>")))
			.andExpect(content().string(not(containsString("<td>127.0.0.1</td>"))))
			// who did it: the account's unit, its user name as secondary text
			.andExpect(content().string(containsString("<span class=\"actor-unit\">新城区 · 旗县区民政工作人员</span>")))
			.andExpect(content().string(containsString("账号 " + county)));
		// a name that is no account (a system job) stays as it is
		audit.record("demo-seeder", "donation.create", "donation", 3299L, RegionCode.parse("150102001"), null, null);
		mvc.perform(get("/audit").param("action", "donation.create").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("<span class=\"actor-unit\">demo-seeder</span>")));
	}

}
