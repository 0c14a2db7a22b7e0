package org.wushe.stats;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class StatsNavigation {

	@Bean
	NavItem statsNavItem() {
		return new NavItem(NavGroup.STATS, "nav.stats", "/stats", "stats:view", 5);
	}

}
