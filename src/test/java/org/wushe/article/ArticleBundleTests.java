package org.wushe.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * All bundles share one key space and the first bundle that defines a key wins, so the article bundle must not
 * define a key that another bundle defines differently (a field label of another module would otherwise name the
 * article's fields in its messages).
 */
class ArticleBundleTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void noKeyOfTheArticleBundleMeansSomethingElseInAnotherBundle() throws IOException {
		for (String suffix : List.of("", "_en")) {
			Properties article = load(RESOURCES.resolve("i18n/article" + suffix + ".properties"));
			List<Path> others = new ArrayList<>(List.of(RESOURCES.resolve("messages" + suffix + ".properties")));
			try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
				files.filter(p -> p.getFileName().toString().endsWith(suffix + ".properties"))
					.filter(p -> suffix.equals("_en") || !p.getFileName().toString().contains("_en"))
					.filter(p -> !p.getFileName().toString().startsWith("article"))
					.forEach(others::add);
			}
			List<String> clashes = new ArrayList<>();
			for (Path other : others) {
				Properties o = load(other);
				for (String key : article.stringPropertyNames()) {
					if (o.containsKey(key) && !o.getProperty(key).equals(article.getProperty(key))) {
						clashes.add(other.getFileName() + ": " + key);
					}
				}
			}
			assertThat(clashes).as("keys of the article bundle defined differently elsewhere").isEmpty();
		}
	}

	@Test
	void everyFieldAnArticleErrorNamesHasALabel() {
		for (String field : List.of("title", "bodyHtml", "eventDate", "eventPlace", "serviceObjects", "attendees",
				"campaignId", "activityId", "images", "comment", "word", "note", "wrong", "suggestion", "exceptions")) {
			assertThat(Bundles.zh("field." + field)).as(field).doesNotStartWith("field.").isNotBlank();
		}
		assertThat(Bundles.zh("field.bodyHtml")).isEqualTo("正文");
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(reader);
		}
		return p;
	}

}
