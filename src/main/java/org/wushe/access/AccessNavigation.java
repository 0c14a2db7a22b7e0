package org.wushe.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class AccessNavigation {

	@Bean
	NavItem accountNavItem() {
		return new NavItem(NavGroup.SYSTEM, "nav.accounts", "/accounts", Permissions.ACCOUNT_VIEW, 900);
	}

	@Bean
	NavItem tokensNavItem() {
		return new NavItem(NavGroup.SYSTEM, "nav.tokens", "/account/tokens", Permissions.REGION_VIEW, 920);
	}

}
