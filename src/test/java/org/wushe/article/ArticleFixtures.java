package org.wushe.article;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.support.TestAccounts;

/** Campaigns, images and article bodies for the article tests. */
final class ArticleFixtures {

	/** One sentence of 30 characters; 17 of them make a body of 510 characters, inside 400–800. */
	static final String SENTENCE = "新城区社工站联合海拉尔东路社区开展关爱独居老人上门探访活动，";

	private ArticleFixtures() {
	}

	static String body(int sentences) {
		return "<p>" + SENTENCE.repeat(sentences) + "</p>";
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, Color.RED.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static long campaign(MockMvc mvc, String province) throws Exception {
		String answer = mvc.perform(post("/api/campaigns").with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "article-test-%d", "theme": "五社联动聚合力 社工服务暖基层", "regionCode": "15",
					 "reportingLevel": 2, "startDate": "2022-03-17", "endDate": "2022-03-31",
					 "deadlines": ["2022-03-24T17:00:00+08:00", "2022-03-31T17:00:00+08:00"]}
					""".formatted(System.nanoTime())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return id(answer);
	}

	static String json(long campaign, String title, String body) {
		return """
				{"title": "%s", "bodyHtml": "%s", "eventDate": "2022-03-20", "eventPlace": "海拉尔东路社区",
				 "serviceObjects": "辖区独居老人", "attendees": "社工3名、志愿者12名", "campaignId": %d}
				""".formatted(title, body.replace("\"", "\\\""), campaign);
	}

	/** Creates a draft with one PNG image and answers the request's result. */
	static ResultActions createWithImage(MockMvc mvc, String user, String json) throws Exception {
		return mvc.perform(multipart("/api/articles")
			.file(new MockMultipartFile("article", "", MediaType.APPLICATION_JSON_VALUE,
					json.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("images", "活动照片.png", "image/png", png()))
			.with(TestAccounts.as(user)));
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	static long id(ResultActions result) throws Exception {
		return id(result.andReturn().getResponse().getContentAsString());
	}

}
