package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every permission string typed by hand, in {@code @PreAuthorize} and security expressions of the Java sources and in
 * the templates ({@code sec:authorize}, {@code currentUser.can(...)}), is one that {@link Permissions} defines: a typo
 * would otherwise lock everyone out of an action, or hide a button for good.
 */
class PermissionStringsTests {

	private static final Pattern EXPRESSION = Pattern.compile("has(?:Any)?Authority\\(([^)]*)\\)");

	private static final Pattern CAN = Pattern.compile("\\bcan\\(\\s*([^)]*)\\)");

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

	@Test
	void everyPermissionWrittenInCodeOrTemplatesExists() throws IOException {
		Set<String> defined = defined();
		List<String> unknown = new ArrayList<>();
		int checked = 0;
		for (Path file : files(Path.of("src/main/java"), ".java", Path.of("src/main/resources/templates"), ".html")) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String code = line.strip();
				if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
					continue; // documentation, e.g. the examples in Permissions itself
				}
				for (Pattern p : List.of(EXPRESSION, CAN)) {
					Matcher m = p.matcher(code);
					while (m.find()) {
						Matcher q = QUOTED.matcher(m.group(1));
						while (q.find()) {
							String permission = q.group(1) != null ? q.group(1) : q.group(2);
							checked++;
							if (!defined.contains(permission)) {
								unknown.add(file + ": " + permission);
							}
						}
					}
				}
			}
		}
		assertThat(unknown).isEmpty();
		// the scan does find what it checks (over two hundred annotations today)
		assertThat(checked).isGreaterThan(200);
	}

	@Test
	void theScanCatchesAMisspelling() {
		Matcher m = EXPRESSION.matcher("@PreAuthorize(\"hasAnyAuthority('actor:veiw', 'site:view')\")");
		assertThat(m.find()).isTrue();
		Matcher q = QUOTED.matcher(m.group(1));
		List<String> found = new ArrayList<>();
		while (q.find()) {
			found.add(q.group(1));
		}
		assertThat(found).containsExactly("actor:veiw", "site:view");
		assertThat(defined()).contains("site:view").doesNotContain("actor:veiw");
	}

	private static Set<String> defined() {
		Set<String> names = new HashSet<>();
		for (Field f : Permissions.class.getDeclaredFields()) {
			if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
				try {
					f.setAccessible(true);
					names.add((String) f.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return names;
	}

	private static List<Path> files(Path javaRoot, String javaSuffix, Path templateRoot, String templateSuffix)
			throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> java = Files.walk(javaRoot); Stream<Path> templates = Files.walk(templateRoot)) {
			java.filter(p -> p.toString().endsWith(javaSuffix)).forEach(files::add);
			templates.filter(p -> p.toString().endsWith(templateSuffix)).forEach(files::add);
		}
		return files;
	}

}
