package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Review up the levels through the API: 新城区 writes, 呼和浩特市 approves and recommends, 内蒙古 approves and
 * recommends, 民政部 approves; returning and resubmitting; blocking errors and recorded warnings; counts.
 */
@IntegrationTest
class ArticleReviewFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String county;

	String city;

	String province;

	String country;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		country = TestAccounts.create(accounts, Role.ADMIN, "00");
		campaign = ArticleFixtures.campaign(mvc, province);
	}

	ResultActions step(String user, long id, String action, String comment) throws Exception {
		return mvc.perform(post("/api/articles/{id}/{action}", id, action).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(comment == null ? "{}" : "{\"comment\": \"" + comment + "\"}"));
	}

	long submitted(String title) throws Exception {
		long id = ArticleFixtures.id(ArticleFixtures
			.createWithImage(mvc, county, ArticleFixtures.json(campaign, title, ArticleFixtures.body(17)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.images", hasSize(1))));
		step(county, id, "submit", null).andExpect(status().isOk());
		return id;
	}

	@Test
	void anArticleTravelsFromTheCountyToTheMinistry() throws Exception {
		long id = submitted("关爱独居老人上门探访");
		mvc.perform(get("/api/articles/{id}", id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.stageCode").value("150102"))
			.andExpect(jsonPath("$.reviewCode").value("1501"))
			.andExpect(jsonPath("$.textLength").value(510));

		// only the review region acts: not the province, not the unit itself
		step(province, id, "approve", null).andExpect(status().isForbidden());
		step(county, id, "approve", null).andExpect(status().isForbidden());
		mvc.perform(get("/api/articles").param("view", "REVIEW").with(TestAccounts.as(city)))
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));

		step(city, id, "approve", "内容翔实").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedBy").value("1501"));
		step(city, id, "approve", null).andExpect(status().isConflict());
		step(city, id, "recommend", "推荐至自治区").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.stageCode").value("1501"))
			.andExpect(jsonPath("$.reviewCode").value("15"));
		step(city, id, "approve", null).andExpect(status().isForbidden());

		step(province, id, "approve", null).andExpect(status().isOk());
		step(province, id, "recommend", "推荐至民政部").andExpect(status().isOk())
			.andExpect(jsonPath("$.stageCode").value("15"))
			.andExpect(jsonPath("$.reviewCode").value("00"));
		step(country, id, "approve", "采用").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedBy").value("00"));
		step(country, id, "recommend", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("稿件已由民政部审核，不能再向上推荐"));

		mvc.perform(get("/api/articles/{id}/history", id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].step",
					contains("CREATE", "SUBMIT", "APPROVE", "RECOMMEND", "APPROVE", "RECOMMEND", "APPROVE")))
			.andExpect(jsonPath("$[*].actor", contains(county, county, city, city, province, province, country)))
			.andExpect(jsonPath("$[*].actorRegion", contains("150102", "150102", "1501", "1501", "15", "15", "00")))
			.andExpect(jsonPath("$[2].comment").value("内容翔实"))
			.andExpect(jsonPath("$[5].comment").value("推荐至民政部"))
			.andExpect(jsonPath("$[6].at").exists());
		// every write is in the audit trail, under the unit's region
		assertThat(jdbc.sql("""
				SELECT action FROM audit_event WHERE entity_type = 'article' AND entity_id = :id ORDER BY id
				""").param("id", String.valueOf(id)).query(String.class).list()).containsExactly("article.create",
						"article.submit", "article.approve", "article.recommend", "article.approve",
						"article.recommend", "article.approve");
		assertThat(jdbc.sql("SELECT DISTINCT region_code FROM audit_event WHERE entity_type = 'article' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("150102");
	}

	@Test
	void aReturnedArticleIsChangedAndResubmittedToTheLevelThatReturnedIt() throws Exception {
		long id = submitted("退回后重新报送");
		// a submitted article is frozen
		mvc.perform(put("/api/articles/{id}", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ArticleFixtures.json(campaign, "偷偷修改", ArticleFixtures.body(17))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("稿件已报送，退回之前不能修改"));

		step(city, id, "return", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"))
			.andExpect(jsonPath("$.detail").value("意见：退回时必须填写修改意见"));
		step(city, id, "return", "请补充服务对象的具体人数").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"));
		step(city, id, "approve", null).andExpect(status().isConflict());

		mvc.perform(put("/api/articles/{id}", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ArticleFixtures.json(campaign, "退回后重新报送（已补充）", ArticleFixtures.body(18))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("退回后重新报送（已补充）"))
			.andExpect(jsonPath("$.images", hasSize(1)));
		step(county, id, "submit", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.reviewCode").value("1501"));
		step(city, id, "approve", null).andExpect(status().isOk());
		mvc.perform(get("/api/articles/{id}/history", id).with(TestAccounts.as(city)))
			.andExpect(jsonPath("$[*].step", contains("CREATE", "SUBMIT", "RETURN", "RESUBMIT", "APPROVE")))
			.andExpect(jsonPath("$[2].comment").value("请补充服务对象的具体人数"));
		assertThat(jdbc.sql("""
				SELECT action FROM audit_event WHERE entity_type = 'article' AND entity_id = :id
				AND action IN ('article.approve', 'article.return') ORDER BY id
				""").param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("article.return", "article.approve");
	}

	@Test
	void aProvinceThatReturnsGetsTheResubmissionItself() throws Exception {
		long id = submitted("自治区退回");
		step(city, id, "approve", null).andExpect(status().isOk());
		step(city, id, "recommend", null).andExpect(status().isOk());
		step(province, id, "return", "请压缩篇幅").andExpect(status().isOk());
		step(county, id, "submit", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.stageCode").value("1501"))
			.andExpect(jsonPath("$.reviewCode").value("15"));
	}

	@Test
	void errorsBlockSubmissionAndNothingChanges() throws Exception {
		String json = ArticleFixtures.json(campaign, "含禁用词", "<p>" + ArticleFixtures.SENTENCE.repeat(16) + "不能说残废</p>")
			.replace("\"eventPlace\": \"海拉尔东路社区\"", "\"eventPlace\": \"\"");
		long id = ArticleFixtures.id(mvc.perform(post("/api/articles").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isCreated()));
		step(county, id, "submit", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("eventPlace", "images", "bodyHtml")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("含有禁用词“残废”，须删除或改写后才能报送")))
			.andExpect(jsonPath("$.detail", containsString("地点：未填写")))
			.andExpect(jsonPath("$.detail", containsString("图片：至少需要一张图片")));
		mvc.perform(get("/api/articles/{id}", id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		mvc.perform(get("/api/articles/{id}/history", id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].step", contains("CREATE")));
	}

	@Test
	void warningsDoNotBlockAndAreRecordedWithTheSubmission() throws Exception {
		String body = "<p>部份老人家里按装了扶手。" + ArticleFixtures.SENTENCE.repeat(5) + "</p>";
		long id = ArticleFixtures.id(ArticleFixtures
			.createWithImage(mvc, county, ArticleFixtures.json(campaign, "带提醒报送", body))
			.andExpect(status().isCreated()));
		mvc.perform(get("/api/articles/{id}/check", id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.canSubmit").value(true))
			.andExpect(jsonPath("$.findings[*].kind", contains("LENGTH_SHORT", "WRONG_WORD", "WRONG_WORD")))
			.andExpect(jsonPath("$.findings[0].message").value("正文：正文共 162 字（不计空白），少于建议的 400–800 字"))
			.andExpect(jsonPath("$.findings[1].message").value("正文：“部份”疑为错别字，建议改为“部分”"));
		step(county, id, "submit", null).andExpect(status().isOk());
		mvc.perform(get("/api/articles/{id}/history", id).with(TestAccounts.as(city)))
			.andExpect(jsonPath("$[1].step").value("SUBMIT"))
			.andExpect(jsonPath("$[1].findings[*].kind", contains("LENGTH_SHORT", "WRONG_WORD", "WRONG_WORD")))
			.andExpect(jsonPath("$[1].findings[2].suggestion").value("安装"));
	}

	@Test
	void theLiveCheckCountsImagesStillToBeUploaded() throws Exception {
		String request = """
				{"title": "实时检查", "bodyHtml": "%s", "eventDate": "2022-03-20", "eventPlace": "社区",
				 "serviceObjects": "老人", "attendees": "社工", "campaignId": %d, "newImages": %d}
				""";
		mvc.perform(post("/api/articles/check").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request.formatted(ArticleFixtures.body(17), campaign, 0)))
			.andExpect(jsonPath("$.canSubmit").value(false))
			.andExpect(jsonPath("$.findings[*].field", contains("images")));
		mvc.perform(post("/api/articles/check").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request.formatted(ArticleFixtures.body(17), campaign, 2)))
			.andExpect(jsonPath("$.canSubmit").value(true))
			.andExpect(jsonPath("$.textLength").value(510))
			.andExpect(jsonPath("$.findings", hasSize(0)));
	}

	@Test
	void countsFollowTheStepsPerUnitWithChildren() throws Exception {
		long a = submitted("统计一");
		long b = submitted("统计二");
		submitted("统计三");
		step(city, a, "approve", null).andExpect(status().isOk());
		step(city, b, "approve", null).andExpect(status().isOk());
		step(city, a, "recommend", null).andExpect(status().isOk());
		step(city, b, "publish", null).andExpect(status().isOk());
		// a draft never counts
		ArticleFixtures.createWithImage(mvc, county, ArticleFixtures.json(campaign, "草稿", ArticleFixtures.body(17)))
			.andExpect(status().isCreated());

		mvc.perform(get("/api/articles/counts").param("region", "15")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.submitted").value(3))
			.andExpect(jsonPath("$.approved").value(2))
			.andExpect(jsonPath("$.recommended").value(1))
			.andExpect(jsonPath("$.published").value(1))
			.andExpect(jsonPath("$.children", hasSize(12)))
			.andExpect(jsonPath("$.children[?(@.region == '1501')].submitted").value(3))
			.andExpect(jsonPath("$.children[?(@.region == '1502')].submitted").value(0));
		mvc.perform(get("/api/articles/counts").param("region", "1501")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(city)))
			.andExpect(jsonPath("$.children[?(@.region == '150102')].approved").value(2))
			.andExpect(jsonPath("$.children[?(@.region == '150105')].approved").value(0));
		// the county's own articles are a row of their own
		mvc.perform(get("/api/articles/counts").param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.region").value("150102"))
			.andExpect(jsonPath("$.submitted").value(3))
			.andExpect(jsonPath("$.children[0].own").value(true))
			.andExpect(jsonPath("$.children[0].recommended").value(1))
			.andExpect(jsonPath("$.children", hasSize(14)));
		mvc.perform(get("/api/articles/counts").param("region", "1502").with(TestAccounts.as(city)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStationWorkerWritesForItsTownshipWhichTheCountyReviews() throws Exception {
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		long id = ArticleFixtures.id(ArticleFixtures
			.createWithImage(mvc, worker, ArticleFixtures.json(campaign, "社工站来稿", ArticleFixtures.body(17)))
			.andExpect(status().isCreated()));
		step(worker, id, "submit", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.reviewCode").value("150102"));
		step(worker, id, "approve", null).andExpect(status().isForbidden());
		step(county, id, "approve", null).andExpect(status().isOk());
		// the county's own drafts stay its own; the worker's list holds only the township's articles
		// (this test's campaign only: on a shared database other tests' articles of the township may exist)
		mvc.perform(get("/api/articles").param("view", "MINE")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(worker)))
			.andExpect(jsonPath("$[*].id", contains((int) id)));
		mvc.perform(get("/api/articles").param("view", "MINE").with(TestAccounts.as(worker)))
			.andExpect(jsonPath("$[*].regionCode", everyItem(is("150102001"))));
	}

	@Test
	void draftsAreSeenOnlyByTheirOwnUnit() throws Exception {
		long id = ArticleFixtures.id(ArticleFixtures
			.createWithImage(mvc, county, ArticleFixtures.json(campaign, "未报送草稿", ArticleFixtures.body(17)))
			.andExpect(status().isCreated()));
		mvc.perform(get("/api/articles/{id}", id).with(TestAccounts.as(city))).andExpect(status().isNotFound());
		mvc.perform(get("/api/articles").with(TestAccounts.as(city)))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
		mvc.perform(get("/api/articles/{id}", id).with(TestAccounts.as(county))).andExpect(status().isOk());
	}

}
