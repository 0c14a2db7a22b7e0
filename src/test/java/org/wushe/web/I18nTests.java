package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a user reads comes from a message bundle: templates hold no literal text, Java holds no Chinese string
 * literals, and every Chinese key has an English twin (and the reverse).
 */
class I18nTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path JAVA = Path.of("src/main/java");

	static final Path RESOURCES = Path.of("src/main/resources");

	/** Text between tags, and the attributes people read. */
	static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");

	static final Pattern READ_ATTRIBUTE = Pattern
		.compile("\\s(placeholder|title|alt|aria-label|value)=\"([^\"]*)\"");

	static final Pattern WORDS = Pattern.compile("[\\p{IsHan}]|[A-Za-z]{2,}");

	static final Pattern CHINESE_STRING_LITERAL = Pattern.compile("\"[^\"\\n]*[\\p{IsHan}][^\"\\n]*\"");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script[^>]*>.*?</script>", "><")
				.replaceAll("(?s)<style[^>]*>.*?</style>", "><");
			Matcher text = TEXT_NODE.matcher(html);
			while (text.find()) {
				String t = text.group(1).strip();
				if (!t.isEmpty() && WORDS.matcher(t).find() && !t.startsWith("[[")) {
					offences.add(file + ": text '" + t + "'");
				}
			}
			Matcher attr = READ_ATTRIBUTE.matcher(html);
			while (attr.find()) {
				String value = attr.group(2);
				if (!attr.group(1).equals("value") && WORDS.matcher(value).find() && !value.contains("${")) {
					offences.add(file + ": " + attr.group(1) + "='" + value + "'");
				}
				if (attr.group(1).equals("value") && value.chars().anyMatch(c -> Character.UnicodeScript
					.of(c) == Character.UnicodeScript.HAN)) {
					offences.add(file + ": value='" + value + "'");
				}
			}
		}
		assertThat(offences).as("literal text in templates; use th:text=\"#{...}\"").isEmpty();
	}

	@Test
	void javaHoldsNoChineseStringLiterals() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			List<String> lines = Files.readAllLines(file);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
					continue;
				}
				String code = line.replaceAll("//.*$", "");
				if (CHINESE_STRING_LITERAL.matcher(code).find()) {
					offences.add(file + ":" + (i + 1) + ": " + line);
				}
			}
		}
		assertThat(offences).as("Chinese text in Java; put it in a message bundle").isEmpty();
	}

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		List<Path> chinese = new ArrayList<>(List.of(RESOURCES.resolve("messages.properties")));
		if (Files.isDirectory(RESOURCES.resolve("i18n"))) {
			try (Stream<Path> s = Files.list(RESOURCES.resolve("i18n"))) {
				s.filter(p -> p.getFileName().toString().endsWith(".properties"))
					.filter(p -> !p.getFileName().toString().contains("_en"))
					.forEach(chinese::add);
			}
		}
		for (Path zh : chinese) {
			Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(en).as("English twin of " + zh).exists();
			Set<String> zhKeys = keys(zh);
			Set<String> enKeys = keys(en);
			Set<String> missingInEnglish = new TreeSet<>(zhKeys);
			missingInEnglish.removeAll(enKeys);
			Set<String> missingInChinese = new TreeSet<>(enKeys);
			missingInChinese.removeAll(zhKeys);
			assertThat(missingInEnglish).as("keys of %s missing in English", zh).isEmpty();
			assertThat(missingInChinese).as("keys of %s missing in Chinese", en).isEmpty();
		}
	}

	@Test
	void templatesUseOnlyKeysThatExist() throws IOException {
		Set<String> known = new TreeSet<>(keys(RESOURCES.resolve("messages.properties")));
		if (Files.isDirectory(RESOURCES.resolve("i18n"))) {
			try (Stream<Path> s = Files.list(RESOURCES.resolve("i18n"))) {
				for (Path p : s.filter(p -> !p.getFileName().toString().contains("_en")).toList()) {
					known.addAll(keys(p));
				}
			}
		}
		Pattern literalKey = Pattern.compile("#\\{([a-z][a-z0-9.\\-]*)[}(]");
		List<String> unknown = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			Matcher m = literalKey.matcher(Files.readString(file));
			while (m.find()) {
				if (!known.contains(m.group(1))) {
					unknown.add(file + ": " + m.group(1));
				}
			}
		}
		assertThat(unknown).as("message keys used in templates but not defined").isEmpty();
	}

	private static Set<String> keys(Path file) {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file);
				var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
			p.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return p.stringPropertyNames();
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(p -> p.toString().endsWith(suffix)).toList();
		}
	}

}
