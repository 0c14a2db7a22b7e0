package org.wushe.activity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

/** Activity records are reached through their campaign; the menu entry leads to the campaign list. */
@Configuration
class ActivityNavigation {

	@Bean
	NavItem activityNavItem() {
		return new NavItem(NavGroup.CAMPAIGNS, "nav.activities", "/activities", Permissions.ACTIVITY_VIEW, 310);
	}

}
