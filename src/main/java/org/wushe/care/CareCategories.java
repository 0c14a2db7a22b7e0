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
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.shared.BusinessException;

/**
 * 服务对象类别: the built-in categories and those added ({@code care_category}), with their names in Chinese and
 * English. A category added at the country level is everyone's; one added by a province's staff belongs to that
 * province only: its persons may carry it, its frequency tables may set it, and other provinces do not see it.
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

	/** Every category of every province (figures and exports name them all). */
	public List<Category> all() {
		return of(RegionCode.COUNTRY);
	}

	/**
	 * The categories in use on {@code region}: the country's and its province's; on the country itself, all of them.
	 */
	public List<Category> of(RegionCode region) {
		String province = region.isCountry() ? null : region.ancestorAt(RegionLevel.PROVINCE).value();
		return jdbc.sql("""
				SELECT code, name_zh, name_en, built_in FROM care_category
				WHERE CAST(:province AS VARCHAR(12)) IS NULL OR region_code IS NULL OR region_code = :province
				ORDER BY sort_order, code
				""")
			.param("province", province)
			.query(Category.class)
			.list();
	}

	/** The codes of the categories in use on {@code region}. */
	public Set<String> codes(RegionCode region) {
		return of(region).stream().map(Category::code).collect(Collectors.toSet());
	}

	/** Every code of every province: a new code must differ from all of them. */
	Set<String> codes() {
		return codes(RegionCode.COUNTRY);
	}

	/**
	 * Adds a category owned by {@code user}'s region: the whole country's from the country level, a province's from a
	 * province; staff below a province may not add one (403).
	 */
	public Category add(String code, String nameZh, String nameEn, CurrentUser user) {
		RegionCode region = user.region();
		if (!region.isCountry() && region.level() != RegionLevel.PROVINCE) {
			throw BusinessException.forbidden("care.category.province-only");
		}
		return add(code, nameZh, nameEn, region.isCountry() ? null : region);
	}

	/** Adds a category of the whole country. */
	Category add(String code, String nameZh, String nameEn) {
		return add(code, nameZh, nameEn, (RegionCode) null);
	}

	/** Adds a category of {@code province} ({@code null}: the country); the code is A-Z, 0-9 and _. */
	private Category add(String code, String nameZh, String nameEn, RegionCode province) {
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
		jdbc.sql("""
				INSERT INTO care_category (code, name_zh, name_en, built_in, sort_order, region_code)
				VALUES (:c, :zh, :en, FALSE, 100, :region)
				""")
			.param("region", province == null ? null : province.value())
			.param("c", k)
			.param("zh", zh)
			.param("en", en == null ? zh : en)
			.update();
		return new Category(k, zh, en == null ? zh : en, false);
	}

}
