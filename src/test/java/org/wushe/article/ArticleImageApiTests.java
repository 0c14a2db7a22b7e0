package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** Images through the API: checked by content and size before anything is stored, added and removed with edits. */
@IntegrationTest
class ArticleImageApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String county;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		campaign = ArticleFixtures.campaign(mvc, TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15"));
	}

	MockMultipartFile article(String title) {
		return new MockMultipartFile("article", "", MediaType.APPLICATION_JSON_VALUE,
				ArticleFixtures.json(campaign, title, ArticleFixtures.body(17)).getBytes(StandardCharsets.UTF_8));
	}

	int mine() throws Exception {
		String json = mvc.perform(get("/api/articles").param("view", "MINE").param("size", "200")
			.with(TestAccounts.as(county))).andReturn().getResponse().getContentAsString();
		return JsonPath.<List<?>>read(json, "$").size();
	}

	@Test
	void textCalledPngIsRefusedAndNothingIsStored() throws Exception {
		int before = mine();
		mvc.perform(multipart("/api/articles").file(article("假图片"))
			.file(new MockMultipartFile("images", "活动照片.png", "image/png", "这不是图片".getBytes(StandardCharsets.UTF_8)))
			.with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("images"))
			.andExpect(jsonPath("$.detail").value("图片：文件“活动照片.png”不是 JPEG、PNG 或 WebP 图片（按文件内容判断，与扩展名无关）"));
		assertThat(mine()).isEqualTo(before);
	}

	@Test
	void anOversizeImageIsRefused() throws Exception {
		byte[] big = Arrays.copyOf(ArticleFixtures.png(), 5 * 1024 * 1024 + 1);
		mvc.perform(multipart("/api/articles").file(article("大图片"))
			.file(new MockMultipartFile("images", "big.png", "image/png", big))
			.with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("图片：图片“big.png”大小为 5.0 MB，超过每张 5.0 MB 的上限"));
	}

	@Test
	void imagesAreAddedAndRemovedWithEditsAndServedWithTheirType() throws Exception {
		String created = mvc.perform(multipart("/api/articles").file(article("图片增删"))
			.file(new MockMultipartFile("images", "a.png", "application/octet-stream", ArticleFixtures.png()))
			.with(TestAccounts.as(county)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.images[0].contentType").value("image/png"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ArticleFixtures.id(created);
		long first = ((Number) JsonPath.read(created, "$.images[0].id")).longValue();
		String json = ArticleFixtures.json(campaign, "图片增删", ArticleFixtures.body(17))
			.replace("}", ", \"removeImageIds\": [" + first + "]}");
		mvc.perform(multipart(HttpMethod.PUT, "/api/articles/{id}", id)
			.file(new MockMultipartFile("article", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("images", "b.png", "image/png", ArticleFixtures.png()))
			.file(new MockMultipartFile("images", "c.png", "image/png", ArticleFixtures.png()))
			.with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.images", hasSize(2)))
			.andExpect(jsonPath("$.images[0].fileName").value("b.png"))
			.andExpect(jsonPath("$.images[1].seq").value(3));
		mvc.perform(get("/api/articles/{id}/images/{image}", id, first).with(TestAccounts.as(county)))
			.andExpect(status().isNotFound());
		// an image of another article cannot be removed through this one
		String unknown = ArticleFixtures.json(campaign, "图片增删", ArticleFixtures.body(17))
			.replace("}", ", \"removeImageIds\": [" + first + "]}");
		mvc.perform(multipart(HttpMethod.PUT, "/api/articles/{id}", id)
			.file(new MockMultipartFile("article", "", MediaType.APPLICATION_JSON_VALUE, unknown.getBytes(StandardCharsets.UTF_8)))
			.with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("图片：图片“" + first + "”不属于这篇稿件")));
	}

	@Test
	void badFieldsGetChineseErrorsNamingThem() throws Exception {
		mvc.perform(post("/api/articles")
			.with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "", "bodyHtml": "<p>x</p>", "eventDate": "2022年3月", "campaignId": 999999999,
					 "activityId": 999999999}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("title", "eventDate", "campaignId", "activityId")))
			.andExpect(jsonPath("$.detail", containsString("标题：必须填写")))
			.andExpect(jsonPath("$.detail", containsString("时间：“2022年3月”不是有效日期")))
			.andExpect(jsonPath("$.detail", containsString("主题宣传活动：主题宣传活动“999999999”不存在或您无权查看")));
	}

}
