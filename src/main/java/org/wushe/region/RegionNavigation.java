package org.wushe.region;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class RegionNavigation {

	@Bean
	NavItem regionNavItem() {
		return new NavItem(NavGroup.SYSTEM, "nav.regions", "/regions", "region:view", 10);
	}

}
