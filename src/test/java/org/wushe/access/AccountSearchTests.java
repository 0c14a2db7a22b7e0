package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** A search for {@code %} or {@code _} finds those characters, not every account. */
@IntegrationTest
class AccountSearchTests {

	@Autowired
	AccountService accounts;

	@Test
	void wildcardsInTheSearchAreTakenLiterally() {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		RegionScope scope = new RegionScope(RegionCode.parse("15"));
		assertThat(accounts.list(scope, RegionCode.parse("15"), "", 0, 500)).isNotEmpty();
		assertThat(accounts.list(scope, RegionCode.parse("15"), "%", 0, 500)).isEmpty();
		assertThat(accounts.list(scope, RegionCode.parse("15"), "_", 0, 500)).isEmpty();
		// the hyphens of the name are ordinary characters: a search with _ in their place finds nothing
		assertThat(accounts.list(scope, RegionCode.parse("15"), user.replace('-', '_'), 0, 500)).isEmpty();
		assertThat(accounts.list(scope, RegionCode.parse("15"), user, 0, 500)).extracting(AccountView::username)
			.containsExactly(user);
	}

}
