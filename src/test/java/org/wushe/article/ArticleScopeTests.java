package org.wushe.article;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A sibling county (赛罕区) and a sibling city (包头市) see nothing of 新城区's articles: not by id, not in any list,
 * not in counts, and cannot act on them. Every answer is 404, as if the article did not exist.
 */
@IntegrationTest
class ArticleScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String xincheng;

	String saihan;

	String baotou;

	String hohhot;

	long article;

	long image;

	@BeforeEach
	void setUp() throws Exception {
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		hohhot = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		long campaign = ArticleFixtures.campaign(mvc, TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15"));
		String json = ArticleFixtures.createWithImage(mvc, xincheng,
				ArticleFixtures.json(campaign, "新城区稿件", ArticleFixtures.body(17)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		article = ArticleFixtures.id(json);
		image = ((Number) JsonPath.read(json, "$.images[0].id")).longValue();
		mvc.perform(post("/api/articles/{id}/submit", article).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk());
	}

	@Test
	void siblingsCannotReadTheArticleById() throws Exception {
		for (String sibling : new String[] { saihan, baotou }) {
			mvc.perform(get("/api/articles/{id}", article).with(TestAccounts.as(sibling)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("稿件“" + article + "”不存在或不在您的管辖范围内"));
			mvc.perform(get("/api/articles/{id}/history", article).with(TestAccounts.as(sibling)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/articles/{id}/check", article).with(TestAccounts.as(sibling)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/articles/{id}/images/{image}", article, image).with(TestAccounts.as(sibling)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/articles/{id}", article).with(TestAccounts.as(sibling))).andExpect(status().isNotFound());
			mvc.perform(get("/articles/{id}/images/{image}", article, image).with(TestAccounts.as(sibling)))
				.andExpect(status().isNotFound());
		}
		// the unit and the level above do see it
		mvc.perform(get("/api/articles/{id}", article).with(TestAccounts.as(hohhot))).andExpect(status().isOk());
		mvc.perform(get("/api/articles/{id}/images/{image}", article, image).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk());
	}

	@Test
	void siblingsCannotFindTheArticleInAnyList() throws Exception {
		for (String sibling : new String[] { saihan, baotou }) {
			for (String view : new String[] { "ALL", "REVIEW", "MINE" }) {
				mvc.perform(get("/api/articles").param("view", view).param("size", "200").with(TestAccounts.as(sibling)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$[*].id", not(hasItem((int) article))));
			}
			mvc.perform(get("/api/articles").param("region", "150102").with(TestAccounts.as(sibling)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/articles").param("view", "REVIEW").param("size", "200").with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$[*].id", hasItem((int) article)));
		mvc.perform(get("/api/articles").param("region", "150102").param("size", "200").with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$[*].id", hasItem((int) article)));
	}

	@Test
	void siblingsCannotActOnTheArticle() throws Exception {
		for (String sibling : new String[] { saihan, baotou }) {
			for (String step : new String[] { "approve", "return", "recommend", "publish", "unpublish", "submit" }) {
				mvc.perform(post("/api/articles/{id}/{step}", article, step).with(TestAccounts.as(sibling))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"comment\": \"x\"}")).andExpect(status().isNotFound());
			}
			mvc.perform(put("/api/articles/{id}", article).with(TestAccounts.as(sibling))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"篡改\"}")).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/articles/{id}", article).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.title").value("新城区稿件"));
	}

	@Test
	void siblingsCannotCountTheUnit() throws Exception {
		mvc.perform(get("/api/articles/counts").param("region", "150102").with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/articles/counts").param("region", "1501").with(TestAccounts.as(baotou)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/articles/counts").param("region", "150102").with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
	}

}
