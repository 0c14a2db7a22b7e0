package org.wushe.actor.community;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class CommunityNavigation {

	@Bean
	NavItem communityNavItem() {
		return new NavItem(NavGroup.FORCES, "nav.communities", "/communities", Permissions.ACTOR_VIEW, 330);
	}

}
