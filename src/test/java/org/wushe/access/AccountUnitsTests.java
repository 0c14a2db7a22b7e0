package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** Histories name the unit behind an account; the administrator is greeted in Chinese. */
@IntegrationTest
class AccountUnitsTests {

	@Autowired
	AccountUnits units;

	@Autowired
	AccountService accounts;

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void accountsReadAsRegionAndRoleOtherNamesStay() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		assertThat(units.labels(List.of(county, township, "system", "admin"))).containsEntry(county, "新城区 · 旗县区民政工作人员")
			.containsEntry(township, "海拉尔东路街道 · 乡镇（街道）民政工作人员")
			.containsEntry("system", "system")
			.containsEntry("admin", "全国 · 系统管理员");
		assertThat(units.label(county)).isEqualTo("新城区 · 旗县区民政工作人员");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(units.label("admin")).isEqualTo("Nationwide · System administrator");
	}

	@Test
	void theAdministratorHasAChineseDisplayName() {
		assertThat(accounts.principalOf("admin")).get()
			.extracting(CurrentUser::displayName)
			.isEqualTo("系统管理员");
	}

}
