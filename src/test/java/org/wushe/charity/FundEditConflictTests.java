package org.wushe.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Two people edit the same fund or trust from the same loaded version: the first save wins, the second changes
 * nothing and is told that someone else changed the record meanwhile (409 ProblemDetail for the API; the form again,
 * with the saved values and a link to reload, for the pages).
 */
@IntegrationTest
class FundEditConflictTests {

	static final String STALE_FUND = "该慈善基金已被他人修改";

	static final String STALE_TRUST = "该慈善信托已被他人修改";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	String tag;

	@BeforeEach
	void setUp() {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		tag = "冲突" + System.nanoTime() % 1000000;
	}

	@Test
	void aSecondFundSaveFromTheSameVersionIsRefusedThroughTheApi() throws Exception {
		long id = created("/api/funds", """
				{"name":"%s基金","regionCode":"150102","manager":"慈善会","matchingRatio":"0.5","matchingCap":"1000"}"""
			.formatted(tag));
		int loaded = JsonPath.read(body(get("/api/funds/{id}", id)), "$.version");

		String first = mvc.perform(put("/api/funds/{id}", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(fundJson(tag + "基金（甲）", "甲慈善会", loaded)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((int) JsonPath.read(first, "$.version")).isGreaterThan(loaded);

		mvc.perform(put("/api/funds/{id}", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(fundJson(tag + "基金（乙）", "乙慈善会", loaded)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value(containsString(STALE_FUND)));

		assertThat(fundRow(id)).containsEntry("name", tag + "基金（甲）").containsEntry("manager", "甲慈善会");
		assertThat(audits("charity-fund.update", id)).isEqualTo(1);
		String now = body(get("/api/funds/{id}", id));
		assertThat((String) JsonPath.read(now, "$.name")).isEqualTo(tag + "基金（甲）");
		assertThat((int) JsonPath.read(now, "$.version")).isEqualTo((int) JsonPath.read(first, "$.version"));
	}

	/**
	 * Two saves from the same version at the same moment: the version check is part of the UPDATE, so exactly one of
	 * them passes, whichever the database lets go first, and the other is refused, never a 500.
	 */
	@Test
	void twoSimultaneousSavesFromTheSameVersionLetExactlyOneThrough() throws Exception {
		long id = created("/api/funds", """
				{"name":"%s基金","regionCode":"150102"}""".formatted(tag));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				int loaded = JsonPath.read(body(get("/api/funds/{id}", id)), "$.version");
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Integer>> saves = new ArrayList<>();
				for (String manager : List.of("甲", "乙")) {
					saves.add(pool.submit(() -> {
						start.await();
						return mvc.perform(put("/api/funds/{id}", id).with(TestAccounts.as(user))
							.contentType(MediaType.APPLICATION_JSON)
							.content(fundJson(tag + "基金", manager, loaded)))
							.andReturn()
							.getResponse()
							.getStatus();
					}));
				}
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> save : saves) {
					statuses.add(save.get(30, TimeUnit.SECONDS));
				}
				assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
				assertThat((int) JsonPath.read(body(get("/api/funds/{id}", id)), "$.version")).isEqualTo(loaded + 1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(audits("charity-fund.update", id)).isEqualTo(5);
	}

	@Test
	void aChangeWithoutItsVersionIsRefusedNamingTheField() throws Exception {
		long fund = created("/api/funds", """
				{"name":"%s基金","regionCode":"150102"}""".formatted(tag));
		mvc.perform(put("/api/funds/{id}", fund).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s基金","regionCode":"150102"}""".formatted(tag)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.detail").value(containsString("版本号")));
		long trust = created("/api/trusts", trustJson(tag + "信托", "信托公司", null));
		mvc.perform(put("/api/trusts/{id}", trust).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(trustJson(tag + "信托", "信托公司", "\"x1\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.detail").value(containsString("版本号")));
	}

	@Test
	void aSecondTrustSaveFromTheSameVersionIsRefusedThroughTheApi() throws Exception {
		long id = created("/api/trusts", trustJson(tag + "信托", "信托公司", null));
		int loaded = JsonPath.read(body(get("/api/trusts/{id}", id)), "$.version");

		mvc.perform(put("/api/trusts/{id}", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(trustJson(tag + "信托", "甲信托公司", String.valueOf(loaded))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.trustee").value("甲信托公司"));

		mvc.perform(put("/api/trusts/{id}", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(trustJson(tag + "信托", "乙信托公司", String.valueOf(loaded))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString(STALE_TRUST)));

		assertThat(trustRow(id)).containsEntry("trustee", "甲信托公司");
		assertThat(audits("charitable-trust.update", id)).isEqualTo(1);
	}

	@Test
	void aSecondFundSaveFromTheSameFormIsShownTheSavedValues() throws Exception {
		long id = created("/api/funds", """
				{"name":"%s基金","regionCode":"150102","manager":"慈善会","matchingRatio":"0.5","matchingCap":"1000"}"""
			.formatted(tag));
		// both people open the edit form before either saves
		String version = hiddenVersion(body(get("/funds/{id}/edit", id)));
		assertThat(hiddenVersion(body(get("/funds/{id}/edit", id)))).isEqualTo(version);

		mvc.perform(fundForm(id, tag + "基金（甲）", "甲慈善会", version).param("status", "CLOSED"))
			.andExpect(redirectedUrl("/funds/" + id));

		String refused = refused(fundForm(id, tag + "基金（乙）", "乙慈善会", version).param("status", "OPEN"));
		assertThat(refused).contains("id=\"fund-form\"")
			.contains(STALE_FUND)
			// the second person's typing is kept, the saved values are shown next to it, and a link reloads
			.contains("value=\"乙慈善会\"")
			.contains("他人已改为：甲慈善会")
			.contains("他人已改为：已关闭")
			.contains("href=\"/funds/" + id + "/edit\"");
		assertThat(refused.split("saved-value", -1)).as("hints under name, manager, status; 0.50 is what 0.5 meant")
			.hasSize(4);
		assertThat(hiddenVersion(refused)).as("a second save of the same form is refused again").isEqualTo(version);

		assertThat(fundRow(id)).containsEntry("name", tag + "基金（甲）").containsEntry("manager", "甲慈善会");
		assertThat(audits("charity-fund.update", id)).isEqualTo(1);
		// reloading gives the saved values with their new version, and saving from there works
		String reloaded = body(get("/funds/{id}/edit", id));
		assertThat(reloaded).contains("value=\"甲慈善会\"");
		mvc.perform(fundForm(id, tag + "基金（乙）", "乙慈善会", hiddenVersion(reloaded)).param("status", "OPEN"))
			.andExpect(redirectedUrl("/funds/" + id));
		assertThat(fundRow(id)).containsEntry("manager", "乙慈善会");
	}

	@Test
	void aSecondTrustSaveFromTheSameFormIsShownTheSavedValues() throws Exception {
		long id = created("/api/trusts", trustJson(tag + "信托", "信托公司", null));
		String version = hiddenVersion(body(get("/trusts/{id}/edit", id)));

		mvc.perform(trustForm(id, "甲信托公司", version)).andExpect(redirectedUrl("/trusts/" + id));

		String refused = refused(trustForm(id, "乙信托公司", version));
		assertThat(refused).contains("id=\"trust-form\"")
			.contains(STALE_TRUST)
			.contains("value=\"乙信托公司\"")
			.contains("甲信托公司")
			.contains("href=\"/trusts/" + id + "/edit\"");

		assertThat(trustRow(id)).containsEntry("trustee", "甲信托公司");
		assertThat(audits("charitable-trust.update", id)).isEqualTo(1);
	}

	@Test
	void theApiDocumentsTheVersionAsRequiredForChanges() throws Exception {
		mvc.perform(get("/api/docs").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.schemas.FundInput.properties.version.type").value("integer"))
			.andExpect(jsonPath("$.components.schemas.FundInput.properties.version.description")
				.value(containsString("Required to change it (PUT)")))
			.andExpect(jsonPath("$.components.schemas.TrustInput.properties.version.type").value("integer"))
			.andExpect(jsonPath("$.components.schemas.Fund.properties.version.type").value("integer"))
			.andExpect(jsonPath("$.components.schemas.CharitableTrust.properties.version.type").value("integer"))
			.andExpect(jsonPath("$.paths['/api/funds/{id}'].put.description").value(containsString("409")))
			.andExpect(jsonPath("$.paths['/api/trusts/{id}'].put.description").value(containsString("409")));
	}

	private MockHttpServletRequestBuilder fundForm(long id, String name, String manager, String version) {
		return post("/funds/{id}", id).with(TestAccounts.as(user))
			.with(csrf())
			.param("name", name)
			.param("regionCode", "150102")
			.param("manager", manager)
			.param("matchingRatio", "0.5")
			.param("matchingCap", "1000")
			.param("version", version);
	}

	private MockHttpServletRequestBuilder trustForm(long id, String trustee, String version) {
		return post("/trusts/{id}", id).with(TestAccounts.as(user))
			.with(csrf())
			.param("name", tag + "信托")
			.param("trustee", trustee)
			.param("amount", "500000")
			.param("regionCode", "150102")
			.param("version", version);
	}

	private static String fundJson(String name, String manager, int version) {
		return """
				{"name":"%s","regionCode":"150102","manager":"%s","matchingRatio":"0.5","matchingCap":"1000",
				 "status":"OPEN","version":%d}""".formatted(name, manager, version);
	}

	/** A trust body; {@code version} is the JSON value to send, or {@code null} to leave it out. */
	private static String trustJson(String name, String trustee, String version) {
		return """
				{"name":"%s","trustee":"%s","amount":"500000","regionCode":"150102"%s}"""
			.formatted(name, trustee, version == null ? "" : ",\"version\":" + version);
	}

	private long created(String path, String json) throws Exception {
		String answer = mvc.perform(post(path).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	/** The page answering a form saved from a stale version: 409. */
	private String refused(MockHttpServletRequestBuilder form) throws Exception {
		return mvc.perform(form)
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String hiddenVersion(String html) {
		Matcher m = Pattern.compile("<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").matcher(html);
		assertThat(m.find()).as("the form carries the version it was loaded with").isTrue();
		return m.group(1);
	}

	private Map<String, Object> fundRow(long id) {
		return jdbc.sql("SELECT name, manager FROM charity_fund WHERE id = :id").param("id", id).query().singleRow();
	}

	private Map<String, Object> trustRow(long id) {
		return jdbc.sql("SELECT trustee FROM charitable_trust WHERE id = :id").param("id", id).query().singleRow();
	}

	private long audits(String action, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :action AND entity_id = :id")
			.param("action", action)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

}
