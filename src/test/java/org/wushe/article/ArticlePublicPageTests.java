package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.shared.upload.FileType;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** The public page: only published articles and their images, for everyone, without login. */
@IntegrationTest
class ArticlePublicPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String county;

	String city;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		campaign = ArticleFixtures.campaign(mvc, TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15"));
	}

	ResultActions step(String user, long id, String action, String comment) throws Exception {
		return mvc.perform(post("/api/articles/{id}/{action}", id, action).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(comment == null ? "{}" : "{\"comment\": \"" + comment + "\"}"));
	}

	long approved(String title, String body) throws Exception {
		long id = ArticleFixtures.id(ArticleFixtures.createWithImage(mvc, county, ArticleFixtures.json(campaign, title, body))
			.andExpect(status().isCreated()));
		step(county, id, "submit", null).andExpect(status().isOk());
		step(city, id, "approve", null).andExpect(status().isOk());
		return id;
	}

	long imageId(long article) throws Exception {
		String json = mvc.perform(get("/api/articles/{id}", article).with(TestAccounts.as(city)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.images[0].id")).longValue();
	}

	@Test
	void onlyPublishedArticlesAreOnThePublicPageWithoutLogin() throws Exception {
		String title = "公开发布测试" + System.nanoTime();
		long id = approved(title, ArticleFixtures.body(17));
		long image = imageId(id);
		mvc.perform(get("/public/articles/{id}", id)).andExpect(status().isNotFound());
		mvc.perform(get("/public/articles/{id}/images/{image}", id, image)).andExpect(status().isNotFound());
		mvc.perform(get("/public/articles")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(title))));

		step(city, id, "publish", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.publishedRegion").value("1501"));
		step(city, id, "publish", null).andExpect(status().isConflict());

		mvc.perform(get("/public/articles/{id}", id)).andExpect(status().isOk())
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("新城区社工站联合海拉尔东路社区")))
			.andExpect(content().string(containsString("/public/articles/" + id + "/images/" + image)));
		byte[] bytes = mvc.perform(get("/public/articles/{id}/images/{image}", id, image))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(FileType.detect(bytes)).contains(FileType.PNG);
		mvc.perform(get("/public/articles")).andExpect(content().string(containsString(title)));
		mvc.perform(get("/public/articles").param("region", "150102")).andExpect(content().string(containsString(title)));
		mvc.perform(get("/public/articles").param("region", "1502"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(title))));
		mvc.perform(get("/public/articles").param("region", "99x")).andExpect(status().isBadRequest());

		// a county may not take down what the city published; the city may
		step(county, id, "unpublish", null).andExpect(status().isForbidden());
		step(city, id, "unpublish", "暂缓发布").andExpect(status().isOk());
		mvc.perform(get("/public/articles/{id}", id)).andExpect(status().isNotFound());
		// each step is audited under its own action; refused steps are not
		assertThat(jdbc.sql("""
				SELECT action FROM audit_event WHERE entity_type = 'article' AND entity_id = :id
				AND action IN ('article.approve', 'article.publish', 'article.unpublish') ORDER BY id
				""").param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("article.approve", "article.publish", "article.unpublish");
		mvc.perform(get("/public/articles/{id}/images/{image}", id, image)).andExpect(status().isNotFound());
	}

	@Test
	void draftsSubmittedAndReturnedArticlesAreNeverPublic() throws Exception {
		long draft = ArticleFixtures.id(ArticleFixtures
			.createWithImage(mvc, county, ArticleFixtures.json(campaign, "草稿不公开", ArticleFixtures.body(17)))
			.andExpect(status().isCreated()));
		mvc.perform(get("/public/articles/{id}", draft)).andExpect(status().isNotFound());
		step(county, draft, "submit", null).andExpect(status().isOk());
		step(city, draft, "publish", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("只有审核通过的稿件可以发布"));
		mvc.perform(get("/public/articles/{id}", draft)).andExpect(status().isNotFound());

		long published = approved("退回即撤下", ArticleFixtures.body(17));
		step(city, published, "publish", null).andExpect(status().isOk());
		step(city, published, "recommend", null).andExpect(status().isOk());
		// still public while the province reviews it
		mvc.perform(get("/public/articles/{id}", published)).andExpect(status().isOk());
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		step(province, published, "return", "请核实参与人数").andExpect(status().isOk());
		mvc.perform(get("/public/articles/{id}", published)).andExpect(status().isNotFound());
	}

	@Test
	void thePublicBodyIsTheSanitisedOne() throws Exception {
		long id = approved("脚本不会公开",
				"<p onclick='steal()'>" + ArticleFixtures.SENTENCE.repeat(17) + "<script>alert(1)</script></p>"
						+ "<a href='javascript:alert(2)'>链接</a>");
		step(city, id, "publish", null).andExpect(status().isOk());
		mvc.perform(get("/public/articles/{id}", id)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("alert("))))
			.andExpect(content().string(not(containsString("onclick"))))
			.andExpect(content().string(not(containsString("javascript:"))))
			.andExpect(content().string(containsString("链接")));
	}

	@Test
	void aStationWorkerCannotPublish() throws Exception {
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102");
		long id = approved("社工不能发布", ArticleFixtures.body(17));
		step(worker, id, "publish", null).andExpect(status().isForbidden());
	}

}
