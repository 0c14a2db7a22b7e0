package org.wushe.care;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.personal.FieldChecks;

/**
 * 服务对象类别: the built-in categories and those an administrator added ({@code care_category}), with their names
 * in Chinese and English.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CareCategories {

	/** One category. */
	public record Category(String code, String nameZh, String nameEn, boolean builtIn) {

		/** The name in the current language. */
		public String name() {
			return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? nameEn
					: nameZh;
		}

	}

	private final JdbcClient jdbc;

	public List<Category> all() {
		return jdbc.sql("SELECT code, name_zh, name_en, built_in FROM care_category ORDER BY sort_order, code")
			.query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.list();
	}

	Set<String> codes() {
		return all().stream().map(Category::code).collect(Collectors.toSet());
	}

	/** Adds a category (administrators); the code is upper-case letters, digits and underscores. */
	Category add(String code, String nameZh, String nameEn) {
		FieldChecks c = new FieldChecks();
		String k = c.required("code", code, 40);
		String zh = c.required("nameZh", nameZh, 50);
		String en = c.optional("nameEn", nameEn, 80);
		if (k != null) {
			k = k.toUpperCase(Locale.ROOT);
			if (!k.matches("[A-Z][A-Z0-9_]*")) {
				c.add("code", "care.category.code");
			}
			else if (codes().contains(k)) {
				c.add("code", "care.category.taken", k);
			}
		}
		c.throwIfAny();
		jdbc.sql("INSERT INTO care_category (code, name_zh, name_en, built_in, sort_order) VALUES (:c, :zh, :en, FALSE, 100)")
			.param("c", k)
			.param("zh", zh)
			.param("en", en == null ? zh : en)
			.update();
		return new Category(k, zh, en == null ? zh : en, false);
	}

}
