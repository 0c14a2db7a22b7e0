package org.wushe.region;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.TestAccounts;

/** While the tree is not loaded, the server answers and says what is unavailable. */
@SpringBootTest(properties = "wushe.regions.load=off")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RegionLoadingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void regionFeaturesSayTheTreeIsLoading() throws Exception {
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		mvc.perform(get("/api/regions/15").with(TestAccounts.as(admin)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(containsString("正在导入")));
		mvc.perform(get("/").with(TestAccounts.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"region-load\"")));
		mvc.perform(get("/regions/00").with(TestAccounts.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("行政区划正在导入")));
	}

}
