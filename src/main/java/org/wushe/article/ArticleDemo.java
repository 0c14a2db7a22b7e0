package org.wushe.article;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.imageio.ImageIO;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.campaign.CampaignSeeded;
import org.wushe.shared.DemoDates;
import org.wushe.shared.Texts;
import org.wushe.shared.upload.UploadedFile;

/**
 * Demo articles of the embedded default ({@code wushe.demo.enabled=true}), from {@code demo/articles-<seed>.csv}:
 * written by the demo accounts of their units and taken, through the same service as any user's, to the state the
 * file names (draft, submitted, approved, recommended, published), each with a generated photo, so that the review
 * lists and the public page {@code /public/articles} are not empty on first start. They are added when the demo
 * campaign is seeded, after the demo accounts have been made.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ArticleDemo {

	private static final Logger log = LoggerFactory.getLogger(ArticleDemo.class);

	private static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Shanghai");

	@Value("${wushe.demo.enabled:false}")
	private final boolean enabled;

	private final ArticleService articles;

	private final AccountService accounts;

	private final JdbcClient jdbc;

	private final Texts texts;

	/** The demo accounts exist by then: they are made first when the region tree is loaded. */
	@EventListener
	void onCampaignSeeded(CampaignSeeded campaign) {
		if (enabled) {
			seed(campaign.seed(), campaign.campaignId());
		}
	}

	/**
	 * Columns: author, state, reviewer, top reviewer, title, event date, place, service objects, attendees, body
	 * paragraphs ({@code |}), photo colour (RGB hex).
	 */
	private void seed(String seed, long campaignId) {
		int added = 0;
		for (String[] f : DemoDates.rows("demo/articles-" + seed + ".csv", LocalDate.now(DEMO_ZONE))) {
			if (added(campaignId, f)) {
				added++;
			}
		}
		log.info("Demo campaign {}: {} articles added", seed, added);
	}

	private boolean added(long campaignId, String[] f) {
		try {
			return add(campaignId, f);
		}
		catch (RuntimeException ex) {
			log.warn("Demo article '{}' not added: {}", f[4], ex.toString());
			return false;
		}
	}

	private boolean add(long campaignId, String[] f) {
		Optional<CurrentUser> author = accounts.principalOf(f[0]);
		Optional<CurrentUser> reviewer = accounts.principalOf(f[2]);
		Optional<CurrentUser> top = f[3].isBlank() ? reviewer : accounts.principalOf(f[3]);
		if (author.isEmpty() || reviewer.isEmpty() || top.isEmpty() || exists(campaignId, f[4])) {
			return false;
		}
		String state = f[1];
		StringBuilder body = new StringBuilder();
		for (String paragraph : f[9].split("\\|")) {
			body.append("<p>").append(paragraph).append("</p>");
		}
		Article a = articles.create(author.get(),
				new ArticleInput(f[4], body.toString(), f[5], f[6], f[7], f[8], campaignId, null, List.of()),
				List.of(new UploadedFile("photo.png", photo(Integer.parseInt(f[10], 16), f[4].hashCode()))));
		if ("DRAFT".equals(state)) {
			return true;
		}
		articles.submit(author.get(), a.id());
		if ("SUBMITTED".equals(state)) {
			return true;
		}
		if ("RETURNED".equals(state)) {
			articles.review(reviewer.get(), a.id(), ArticleAction.RETURN, texts.get("article.demo.return-comment"));
			return true;
		}
		articles.review(reviewer.get(), a.id(), ArticleAction.APPROVE, null);
		switch (state) {
			case "RECOMMENDED" -> articles.review(reviewer.get(), a.id(), ArticleAction.RECOMMEND, null);
			case "PUBLISHED" -> articles.review(reviewer.get(), a.id(), ArticleAction.PUBLISH, null);
			case "RECOMMENDED_PUBLISHED" -> {
				articles.review(reviewer.get(), a.id(), ArticleAction.RECOMMEND, null);
				articles.review(top.get(), a.id(), ArticleAction.APPROVE, null);
				articles.review(top.get(), a.id(), ArticleAction.PUBLISH, null);
			}
			default -> {
				// APPROVED: stays with its reviewer
			}
		}
		return true;
	}

	private boolean exists(long campaignId, String title) {
		return jdbc.sql("SELECT COUNT(*) FROM article WHERE campaign_id = :c AND title = :t")
			.param("c", campaignId)
			.param("t", title)
			.query(Long.class)
			.single() > 0;
	}

	/** A 640×400 picture: a sky in the given colour, a hall, and a crowd of round heads. */
	static byte[] photo(int rgb, long seed) {
		int w = 640;
		int h = 400;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			Color sky = new Color(rgb);
			g.setPaint(new GradientPaint(0, 0, sky.brighter(), 0, h, sky.darker()));
			g.fillRect(0, 0, w, h);
			g.setColor(new Color(0xf3, 0xe9, 0xdc));
			g.fillRect(60, 120, 520, 180);
			g.setColor(new Color(0xb7, 0x1c, 0x1c));
			g.fillRect(60, 100, 520, 36);
			g.setStroke(new BasicStroke(3));
			g.setColor(new Color(0x8d, 0x6e, 0x63));
			for (int x = 110; x < 560; x += 90) {
				g.drawRect(x, 160, 50, 70);
			}
			Random random = new Random(seed);
			for (int i = 0; i < 28; i++) {
				int x = 20 + random.nextInt(w - 60);
				int y = 290 + random.nextInt(70);
				g.setColor(new Color(40 + random.nextInt(160), 40 + random.nextInt(120), 60 + random.nextInt(160)));
				g.fillRoundRect(x - 4, y + 18, 36, 50, 14, 14);
				g.setColor(new Color(0xf1, 0xc2, 0x7d));
				g.fillOval(x, y, 26, 26);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
