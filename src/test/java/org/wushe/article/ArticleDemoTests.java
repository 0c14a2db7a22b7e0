package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.support.IntegrationTest;

/**
 * The demo of the embedded default carries articles of the Inner Mongolia 2022 campaign in every state, written and
 * reviewed by the demo accounts, two of them on the public page with their generated photos.
 */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class ArticleDemoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicArticles articles;

	record Row(String title, String status, String region, String stage, String review, boolean recommended,
			String publishedBy) {
	}

	Map<String, Row> demoArticles() {
		return jdbc.sql("""
				SELECT a.title, a.status, a.region_code, a.stage_code, a.review_code, a.recommended_at,
				       a.published_code
				FROM article a JOIN campaign c ON c.id = a.campaign_id
				WHERE c.name = '五社联动聚合力 社工服务暖基层' AND a.created_by <> 'test'
				""")
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6) != null, rs.getString(7)))
			.list()
			.stream()
			.collect(Collectors.toMap(Row::title, r -> r));
	}

	@Test
	void theCampaignHasArticlesInEveryState() {
		Map<String, Row> rows = demoArticles();
		assertThat(rows).hasSize(6);
		assertThat(rows.get("新城区“五社联动”助力独居老人安享晚年"))
			.isEqualTo(new Row("新城区“五社联动”助力独居老人安享晚年", "APPROVED", "150102", "150102", "1501", false, "1501"));
		assertThat(rows.get("社工站里的“成长伙伴”：新城区困境儿童陪伴计划侧记"))
			.isEqualTo(new Row("社工站里的“成长伙伴”：新城区困境儿童陪伴计划侧记", "APPROVED", "150102", "1501", "15", true, "15"));
		assertThat(rows.get("赛罕区社区议事会让居民“说了算”"))
			.isEqualTo(new Row("赛罕区社区议事会让居民“说了算”", "SUBMITTED", "150105", "1501", "15", true, null));
		assertThat(rows.get("呼和浩特市启动2022年社会工作主题宣传周"))
			.isEqualTo(new Row("呼和浩特市启动2022年社会工作主题宣传周", "APPROVED", "1501", "1501", "15", false, null));
		assertThat(rows.get("赛罕区社工走进困难家庭 送上春日温暖"))
			.isEqualTo(new Row("赛罕区社工走进困难家庭 送上春日温暖", "SUBMITTED", "150105", "150105", "1501", false, null));
		assertThat(rows.get("海拉尔东路街道社工站开展防范电信诈骗宣传进社区活动").status()).isEqualTo("DRAFT");
	}

	@Test
	void thePublicPageShowsThePublishedOnesWithTheirPhotos() throws Exception {
		mvc.perform(get("/public/articles"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新城区“五社联动”助力独居老人安享晚年")))
			.andExpect(content().string(containsString("社工站里的“成长伙伴”：新城区困境儿童陪伴计划侧记")));
		List<Article> published = articles.published("15", 0, 50);
		Article article = published.stream()
			.filter(a -> a.title().equals("新城区“五社联动”助力独居老人安享晚年"))
			.findFirst()
			.orElseThrow();
		Article full = articles.getPublished(article.id());
		assertThat(full.images()).hasSize(1);
		assertThat(full.textLength()).isBetween(400, 800);
		byte[] photo = mvc.perform(get("/public/articles/{id}/images/{image}", full.id(), full.images().get(0).id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
		assertThat(image.getWidth()).isEqualTo(640);
		assertThat(image.getHeight()).isEqualTo(400);
	}

}
