package org.wushe.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** The word lists: who may change them, and that a change takes effect at the very next check. */
@IntegrationTest
class ArticleWordListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String admin;

	String county;

	@BeforeEach
	void setUp() {
		admin = TestAccounts.create(accounts, Role.ADMIN, "15");
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	ResultActions check(String body) throws Exception {
		return mvc.perform(post("/api/articles/check").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"t\", \"bodyHtml\": \"<p>" + body + "</p>\"}"));
	}

	@Test
	void aNewBannedWordBlocksAtOnceAndNoLongerOnceRemoved() throws Exception {
		String word = "禁词" + Long.toString(System.nanoTime(), 36);
		check("文中有" + word).andExpect(jsonPath("$.findings[?(@.kind == 'BANNED')]", empty()));
		String answer = mvc.perform(post("/api/article-words/banned").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"word\": \"" + word + "\", \"note\": \"测试\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ArticleFixtures.id(answer);
		check("文中有" + word).andExpect(jsonPath("$.findings[?(@.kind == 'BANNED')].word", contains(word)));
		mvc.perform(get("/api/article-words/banned").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].word", hasItem(word)));
		mvc.perform(delete("/api/article-words/banned/{id}", id).with(TestAccounts.as(admin)))
			.andExpect(status().isNoContent());
		check("文中有" + word).andExpect(jsonPath("$.findings[?(@.kind == 'BANNED')]", empty()));
		mvc.perform(delete("/api/article-words/banned/{id}", id).with(TestAccounts.as(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aNewWrongWordWarnsWithItsSuggestionExceptInsideItsExceptions() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		String wrong = "错" + tag;
		mvc.perform(post("/api/article-words/wrong").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"wrong\": \"" + wrong + "\", \"suggestion\": \"对" + tag + "\", \"exceptions\": \"" + wrong
					+ "误、不" + wrong + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.exceptions", contains(wrong + "误", "不" + wrong)));
		check("这里" + wrong + "了").andExpect(jsonPath("$.findings[?(@.kind == 'WRONG_WORD')].suggestion",
				contains("对" + tag)));
		check("这里不" + wrong + "了").andExpect(jsonPath("$.findings[?(@.kind == 'WRONG_WORD')]", empty()));
	}

	@Test
	void badEntriesGetChineseErrorsNamingTheField() throws Exception {
		mvc.perform(post("/api/article-words/wrong").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"wrong\": \"部份\", \"suggestion\": \"部份\", \"exceptions\": \"部分人\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("suggestion", "exceptions", "wrong")))
			.andExpect(jsonPath("$.errors[*].message", contains("正确写法不能与错别字相同", "例外短语“部分人”须包含错别字“部份”",
					"“部份”已在列表中")));
		mvc.perform(post("/api/article-words/banned").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"word\": \" * \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("禁用词：不能只有空格或符号"));
	}

	@Test
	void onlyAnAdministratorAtProvinceOrCountryLevelChangesTheLists() throws Exception {
		String countyAdmin = TestAccounts.create(accounts, Role.ADMIN, "150102");
		mvc.perform(post("/api/article-words/banned").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"word\": \"不许加\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/article-words/banned").with(TestAccounts.as(countyAdmin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"word\": \"不许加\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("只有省级或全国层级的系统管理员可以维护稿件词库"));
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		mvc.perform(get("/api/article-words/banned").with(TestAccounts.as(worker))).andExpect(status().isForbidden());
		mvc.perform(get("/api/article-words/wrong").with(TestAccounts.as(worker))).andExpect(status().isOk());
	}

}
