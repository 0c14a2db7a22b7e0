package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.shared.BusinessException;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * What strangers can see: public pages of operating (or paused) sites only; placards that carry the configured public
 * address whatever Host the request names; the API documentation only when signed in.
 */
@IntegrationTest
class SiteExposureTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SiteService sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	SiteFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SiteFixtures(sites, jdbc);
	}

	@Test
	void aPlannedSiteIsNotPublic() throws Exception {
		Site planned = fixtures.create(SiteType.STATION, "150102003", SiteFixtures.unique("筹建社工站"),
				SiteStatus.PLANNED);
		assertThat(planned.publicId()).isNotBlank();
		mvc.perform(get("/public/sites/{id}", planned.publicId())).andExpect(status().isNotFound());
		Site operating = fixtures.create(SiteType.STATION, "150102003", SiteFixtures.unique("运营社工站"),
				SiteStatus.OPERATING);
		mvc.perform(get("/public/sites/{id}", operating.publicId())).andExpect(status().isOk());
	}

	@Test
	void publicPagesCannotBeFoundByCounting() throws Exception {
		Site one = fixtures.create(SiteType.STATION, "150102003", SiteFixtures.unique("公开编号社工站"),
				SiteStatus.OPERATING);
		Site two = fixtures.create(SiteType.CENTRE, "150102", SiteFixtures.unique("公开编号中心"),
				SiteStatus.SUSPENDED);
		assertThat(one.publicId()).matches("[a-z2-7]{24}").isNotEqualTo(two.publicId());
		assertThat(two.publicId()).matches("[a-z2-7]{24}");
		mvc.perform(get("/public/sites/{id}", two.publicId())).andExpect(status().isOk());
		mvc.perform(get("/public/sites/{id}", one.id())).andExpect(status().isNotFound());
		mvc.perform(get("/public/sites/{id}", two.id())).andExpect(status().isNotFound());
		mvc.perform(get("/public/sites/{id}", one.publicId().toUpperCase(java.util.Locale.ROOT)))
			.andExpect(status().isNotFound());
		Integer missing = jdbc.sql("SELECT COUNT(*) FROM site WHERE public_id IS NULL").query(Integer.class).single();
		assertThat(missing).isZero();
		Integer distinct = jdbc.sql("SELECT COUNT(DISTINCT public_id) FROM site").query(Integer.class).single();
		Integer all = jdbc.sql("SELECT COUNT(*) FROM site").query(Integer.class).single();
		assertThat(distinct).isEqualTo(all);
	}

	@Test
	void thePlacardIgnoresTheRequestHost() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		Site site = fixtures.create(SiteType.STATION, "150102003", SiteFixtures.unique("公示牌社工站"),
				SiteStatus.OPERATING);
		String html = mvc.perform(get("http://evil.example/sites/{id}/placard", site.id())
			.header("Host", "evil.example")
			.header("X-Forwarded-Host", "evil.example")
			.with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("https://wushe.test.example/public/sites/" + site.publicId())
			.doesNotContain("/public/sites/" + site.id() + "<")
			.doesNotContain("evil");
	}

	@Test
	void withoutAPublicAddressNoPlacardIsPrinted() {
		SiteLinks links = new SiteLinks(new SiteProperties(" "));
		BusinessException ex = catchThrowableOfType(BusinessException.class, () -> links.placardUrl("abcdefghijklmnopqrstuvwx"));
		assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(ex.messageKey()).isEqualTo("site.placard.no-public-url");
		assertThat(links.publicUrl("abcdefghijklmnopqrstuvwx"))
			.isEqualTo("/public/sites/abcdefghijklmnopqrstuvwx");
		assertThat(catchThrowableOfType(IllegalArgumentException.class,
				() -> new SiteProperties("javascript:alert(1)"))).isNotNull();
	}

	@Test
	void theApiDocumentationIsForSignedInUsers() throws Exception {
		mvc.perform(get("/api/docs")).andExpect(status().isUnauthorized());
		String user = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/api/docs").with(TestAccounts.as(user))).andExpect(status().isOk());
	}

}
