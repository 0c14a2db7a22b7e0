package org.wushe.charity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class CharityNavigation {

	@Bean
	NavItem charityNavItem() {
		return new NavItem(NavGroup.FORCES, "nav.charity", "/donations", Permissions.CHARITY_VIEW, 400);
	}

}
