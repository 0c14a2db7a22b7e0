package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The fragments {@code fragments/registry :: field} and {@code :: tile} are called with named arguments, and an
 * argument left out is read from the variables around the call. So no model attribute and no {@code th:with} or
 * {@code th:each} variable may carry one of their optional names: a page setting {@code hint} or {@code required}
 * would otherwise put it on every field that leaves it out.
 */
class FieldFragmentNamesTests {

	private static final Path REGISTRY = Path.of("src/main/resources/templates/fragments/registry.html");

	/** The optional arguments as the fragments' documentation lists them: "and any of: a, b, c)". */
	private static final Pattern OPTIONAL = Pattern.compile("and any of:\\s*([^)]*)\\)");

	private static final Pattern JAVA = Pattern
		.compile("(?:addAttribute|addObject|@ModelAttribute)\\(\\s*(?:name\\s*=\\s*)?\"([A-Za-z_]\\w*)\"");

	private static final Pattern WITH = Pattern.compile("th:with=\"([^\"]*)\"");

	private static final Pattern EACH = Pattern.compile("th:each=\"\\s*(\\w+)\\s*(?:,\\s*(\\w+))?\\s*:");

	static Set<String> optionalNames() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = OPTIONAL.matcher(Files.readString(REGISTRY, StandardCharsets.UTF_8));
		while (m.find()) {
			for (String name : m.group(1).split(",")) {
				names.add(name.strip());
			}
		}
		return names;
	}

	/** The names a {@code th:with} value declares: {@code a=${x}, b=${y}} (commas inside expressions skipped). */
	static List<String> declared(String with) {
		List<String> names = new ArrayList<>();
		Matcher m = Pattern.compile("(?:^|,)\\s*(\\w+)\\s*=(?!=)").matcher(with.replaceAll("\\$\\{[^}]*}", "_"));
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	@Test
	void noModelAttributeOrTemplateVariableCarriesAnOptionalArgumentsName() throws IOException {
		Set<String> optional = optionalNames();
		assertThat(optional).contains("required", "hint", "picker", "textRows", "big", "tileId");
		List<String> clashes = new ArrayList<>();
		for (Path file : files(Path.of("src/main/java"), ".java")) {
			Matcher m = JAVA.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (m.find()) {
				if (optional.contains(m.group(1))) {
					clashes.add(file + ": model attribute " + m.group(1));
				}
			}
		}
		for (Path file : files(Path.of("src/main/resources/templates"), ".html")) {
			String html = Files.readString(file, StandardCharsets.UTF_8);
			Matcher with = WITH.matcher(html);
			while (with.find()) {
				declared(with.group(1)).stream()
					.filter(optional::contains)
					.forEach(n -> clashes.add(file + ": th:with " + n));
			}
			Matcher each = EACH.matcher(html);
			while (each.find()) {
				for (int g = 1; g <= 2; g++) {
					if (each.group(g) != null && optional.contains(each.group(g))) {
						clashes.add(file + ": th:each " + each.group(g));
					}
				}
			}
		}
		assertThat(clashes).isEmpty();
	}

	@Test
	void theScanSeesTheDeclarationsItLooksFor() {
		assertThat(declared("fid=${fieldId ?: name}, hint=${a == b ? 1 : 2}")).containsExactly("fid", "hint");
		Matcher each = EACH.matcher("<li th:each=\"step, it : ${steps}\">");
		assertThat(each.find()).isTrue();
		assertThat(each.group(1)).isEqualTo("step");
		Matcher java = JAVA.matcher("model.addAttribute(\"hint\", text);");
		assertThat(java.find()).isTrue();
		assertThat(java.group(1)).isEqualTo("hint");
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(p -> p.toString().endsWith(suffix)).toList();
		}
	}

}
