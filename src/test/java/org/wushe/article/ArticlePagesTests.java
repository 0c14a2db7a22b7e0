package org.wushe.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** The article pages as a browser without script would use them. */
@IntegrationTest
class ArticlePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String county;

	String city;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		campaign = ArticleFixtures.campaign(mvc, TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15"));
	}

	MockMultipartHttpServletRequestBuilder form(String path, String title, String place, byte[] image, String action) {
		MockMultipartHttpServletRequestBuilder request = multipart(path);
		if (image != null) {
			request.file(new MockMultipartFile("images", "照片.png", "image/png", image));
		}
		request.param("title", title)
			.param("bodyHtml", ArticleFixtures.body(17))
			.param("eventDate", "2022-03-20")
			.param("eventPlace", place)
			.param("serviceObjects", "辖区独居老人")
			.param("attendees", "社工3名")
			.param("campaignId", String.valueOf(campaign))
			.param("action", action);
		request.with(TestAccounts.as(county)).with(csrf());
		return request;
	}

	static long idFrom(String location) {
		return Long.parseLong(location.replaceAll("^/articles/(\\d+).*$", "$1"));
	}

	@Test
	void theEditorShowsTheCheckAndTheLiveCheckAnswersWithThePanel() throws Exception {
		mvc.perform(get("/articles/new").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"check-panel\"")))
			.andExpect(content().string(containsString("标题：未填写（附件2 要求写明此要素）")))
			.andExpect(content().string(containsString("/js/article.js")));
		mvc.perform(post("/articles/check").with(TestAccounts.as(county)).with(csrf())
			.header("HX-Request", "true")
			.param("title", "标题")
			.param("bodyHtml", "<p>部份老人</p>")
			.param("campaignId", String.valueOf(campaign))
			.param("newImages", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("正文：“部份”疑为错别字，建议改为“部分”")))
			.andExpect(content().string(containsString("正文：正文共 4 字（不计空白），少于建议的 400–800 字")))
			.andExpect(content().string(containsString("图片 1 张")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void aDraftIsSavedWithItsImageThenSubmittedAndReviewedThroughThePages() throws Exception {
		String title = "页面流程" + System.nanoTime();
		String location = mvc.perform(form("/articles", title, "海拉尔东路社区", ArticleFixtures.png(), "save"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", matchesPattern("/articles/\\d+/edit")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = idFrom(location);
		mvc.perform(get("/articles/{id}/edit", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("/articles/" + id + "/images/")))
			.andExpect(content().string(containsString("没有须修改的问题，可以报送。")));
		mvc.perform(form("/articles/" + id, title, "海拉尔东路社区", null, "submit"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/articles/" + id));
		mvc.perform(get("/articles/{id}", id).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("data-status=\"SUBMITTED\"")))
			.andExpect(content().string(not(containsString("id=\"edit-article\""))));
		// once submitted the editor leads back to the detail
		mvc.perform(get("/articles/{id}/edit", id).with(TestAccounts.as(county)))
			.andExpect(header().string("Location", "/articles/" + id));

		mvc.perform(get("/articles/review").with(TestAccounts.as(city))).andExpect(content().string(containsString(title)));
		mvc.perform(get("/articles/{id}", id).with(TestAccounts.as(city)))
			.andExpect(content().string(containsString("id=\"approve\"")))
			.andExpect(content().string(containsString("id=\"return\"")))
			.andExpect(content().string(not(containsString("id=\"publish\""))));
		mvc.perform(post("/articles/{id}/return", id).with(TestAccounts.as(city)).with(csrf()).param("comment", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("意见：退回时必须填写修改意见")));
		mvc.perform(post("/articles/{id}/approve", id).with(TestAccounts.as(city)).with(csrf()).param("comment", "同意"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/articles/{id}/publish", id).with(TestAccounts.as(city)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/articles/{id}", id).with(TestAccounts.as(city)))
			.andExpect(content().string(containsString("id=\"published-badge\"")))
			.andExpect(content().string(containsString("同意")))
			.andExpect(content().string(containsString("id=\"recommend\"")));
		mvc.perform(get("/public/articles")).andExpect(status().isOk()).andExpect(content().string(containsString(title)));
	}

	@Test
	void theEditorOfAReturnedArticleShowsWhyItWasReturned() throws Exception {
		String location = mvc.perform(form("/articles", "退回说明", "社区", ArticleFixtures.png(), "submit"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = idFrom(location);
		mvc.perform(post("/articles/{id}/return", id).with(TestAccounts.as(city)).with(csrf()).param("comment", "请补充照片说明"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/articles/{id}/edit", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("呼和浩特市退回了这篇稿件：请补充照片说明。修改后请重新报送。")));
	}

	@Test
	void submittingWithMissingElementsKeepsTheDraftAndShowsTheErrors() throws Exception {
		mvc.perform(form("/articles", "缺地点", "", ArticleFixtures.png(), "submit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("草稿已保存，但还有须修改的问题，尚未报送。")))
			.andExpect(content().string(containsString("地点：未填写（附件2 要求写明此要素）")));
	}

	@Test
	void aTextFileCalledPngIsRefusedInTheEditor() throws Exception {
		mvc.perform(form("/articles", "假图片", "社区", "不是图片".getBytes(StandardCharsets.UTF_8), "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("图片：文件“照片.png”不是 JPEG、PNG 或 WebP 图片")))
			.andExpect(content().string(containsString("假图片")));
	}

	@Test
	void bodyScriptsNeverComeBackIntoTheEditor() throws Exception {
		mvc.perform(multipart("/articles").param("title", "")
			.param("bodyHtml", "<p>正文<script>alert('x')</script></p><img src=x onerror=alert(1)>")
			.param("action", "save")
			.with(TestAccounts.as(county))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("标题：必须填写")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("onerror=alert"))));
	}

	@Test
	void theWordListsAreReadByReviewersAndChangedByTheAdministrator() throws Exception {
		mvc.perform(get("/articles/words").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("残废")))
			.andExpect(content().string(containsString("既使得")))
			.andExpect(content().string(not(containsString("id=\"add-banned\""))));
		String admin = TestAccounts.create(accounts, Role.ADMIN, "15");
		String word = "页面禁词" + Long.toString(System.nanoTime(), 36);
		mvc.perform(get("/articles/words").with(TestAccounts.as(admin)))
			.andExpect(content().string(containsString("id=\"add-banned\"")));
		mvc.perform(post("/articles/words/banned").with(TestAccounts.as(admin)).with(csrf()).param("word", word))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/articles/words/banned").with(TestAccounts.as(admin)).with(csrf()).param("word", word))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("禁用词：“" + word + "”已在列表中")));
		mvc.perform(post("/articles/words/banned").with(TestAccounts.as(county)).with(csrf()).param("word", "x"))
			.andExpect(status().isForbidden());
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		mvc.perform(get("/articles/words").with(TestAccounts.as(worker))).andExpect(status().isForbidden());
	}

	@Test
	void menusAndCountsFollowPermissions() throws Exception {
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		mvc.perform(get("/articles").with(TestAccounts.as(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/articles\"")))
			.andExpect(content().string(not(containsString("href=\"/articles/review\""))));
		mvc.perform(get("/articles/review").with(TestAccounts.as(worker))).andExpect(status().isForbidden());
		mvc.perform(get("/articles/counts").with(TestAccounts.as(city)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新城区")))
			.andExpect(content().string(containsString("id=\"count-children\"")));
	}

}
