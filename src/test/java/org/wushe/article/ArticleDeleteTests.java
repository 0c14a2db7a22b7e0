package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.ExifJpegs;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * An author deletes their own article while it is a draft or returned, after a confirmation page; never once it is
 * submitted, never someone else's, never outside the scope. The deletion is audited and leaves nothing behind. Images
 * are stored without their EXIF block.
 */
@IntegrationTest
class ArticleDeleteTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String author;

	String colleague;

	String city;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		author = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		colleague = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		campaign = ArticleFixtures.campaign(mvc, TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15"));
	}

	long draft(String title) throws Exception {
		return ArticleFixtures.id(ArticleFixtures
			.createWithImage(mvc, author, ArticleFixtures.json(campaign, title, ArticleFixtures.body(17)))
			.andExpect(status().isCreated()));
	}

	long rows(String table, long id) {
		String column = "article".equals(table) ? "id" : "article_id";
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	@Test
	void theAuthorConfirmsAndTheDraftIsGoneWithItsImagesAndAnAuditRecord() throws Exception {
		long id = draft("待删除的草稿");
		mvc.perform(get("/articles/{id}", id).with(TestAccounts.as(author)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"delete-article\"")));
		mvc.perform(get("/articles/{id}/delete", id).with(TestAccounts.as(author)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确定要删除稿件“待删除的草稿”及其 1 张图片吗？")))
			.andExpect(content().string(containsString("id=\"confirm-delete\"")));
		assertThat(rows("article_image", id)).isEqualTo(1);

		mvc.perform(post("/articles/{id}/delete", id).with(TestAccounts.as(author)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/articles"))
			.andExpect(flash().attribute("flash", "article.delete.done"));

		mvc.perform(get("/api/articles/{id}", id).with(TestAccounts.as(author))).andExpect(status().isNotFound());
		assertThat(rows("article", id)).isZero();
		assertThat(rows("article_image", id)).isZero();
		assertThat(rows("article_event", id)).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event
				WHERE action = 'article.delete' AND entity_id = :id AND actor = :actor AND region_code = '150102'
				""").param("id", String.valueOf(id)).param("actor", author).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyTheAuthorMayDeleteAndOnlyInScope() throws Exception {
		long id = draft("别人的草稿");
		mvc.perform(get("/articles/{id}", id).with(TestAccounts.as(colleague)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"delete-article\""))));
		mvc.perform(delete("/api/articles/{id}", id).with(TestAccounts.as(colleague)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("只有撰稿人本人可以删除这篇稿件"));
		mvc.perform(post("/articles/{id}/delete", id).with(TestAccounts.as(colleague)).with(csrf()))
			.andExpect(status().isForbidden());
		// the city sees drafts of its counties only as 404
		mvc.perform(delete("/api/articles/{id}", id).with(TestAccounts.as(city))).andExpect(status().isNotFound());
		String elsewhere = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150103");
		mvc.perform(delete("/api/articles/{id}", id).with(TestAccounts.as(elsewhere))).andExpect(status().isNotFound());
		String leader = TestAccounts.create(accounts, Role.LEADER, "150102");
		mvc.perform(delete("/api/articles/{id}", id).with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		mvc.perform(post("/articles/{id}/delete", id).with(TestAccounts.as(author))).andExpect(status().isForbidden());
		assertThat(rows("article", id)).isEqualTo(1);
	}

	@Test
	void aSubmittedArticleCannotBeDeletedButOnceReturnedItCan() throws Exception {
		long id = draft("报送后不能删除");
		mvc.perform(post("/api/articles/{id}/submit", id).with(TestAccounts.as(author))).andExpect(status().isOk());
		mvc.perform(delete("/api/articles/{id}", id).with(TestAccounts.as(author))).andExpect(status().isConflict());
		mvc.perform(get("/articles/{id}/delete", id).with(TestAccounts.as(author))).andExpect(status().isConflict());
		mvc.perform(get("/articles/{id}", id).with(TestAccounts.as(author)))
			.andExpect(content().string(not(containsString("id=\"delete-article\""))));
		assertThat(rows("article", id)).isEqualTo(1);

		mvc.perform(post("/api/articles/{id}/return", id).with(TestAccounts.as(city))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\": \"请补充活动成效\"}")).andExpect(status().isOk());
		mvc.perform(delete("/api/articles/{id}", id).with(TestAccounts.as(author))).andExpect(status().isNoContent());
		assertThat(rows("article", id)).isZero();
	}

	@Test
	void aJpegFromAPhoneIsStoredWithoutItsGpsBlock() throws Exception {
		byte[] photo = ExifJpegs.withGps(40, 20, 6);
		String created = mvc.perform(multipart("/api/articles")
			.file(new MockMultipartFile("article", "", MediaType.APPLICATION_JSON_VALUE,
					ArticleFixtures.json(campaign, "手机照片", ArticleFixtures.body(17)).getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("images", "IMG_0001.jpg", "image/jpeg", photo))
			.with(TestAccounts.as(author)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.images[0].contentType").value("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ArticleFixtures.id(created);
		long image = ((Number) JsonPath.read(created, "$.images[0].id")).longValue();
		byte[] stored = mvc.perform(get("/api/articles/{id}/images/{image}", id, image).with(TestAccounts.as(author)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(ExifJpegs.contains(photo, ExifJpegs.EXIF)).isTrue();
		assertThat(ExifJpegs.contains(stored, ExifJpegs.EXIF)).isFalse();
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(picture.getWidth()).isEqualTo(20);
		assertThat(picture.getHeight()).isEqualTo(40);
	}

}
