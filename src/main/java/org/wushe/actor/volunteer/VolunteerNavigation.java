package org.wushe.actor.volunteer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class VolunteerNavigation {

	@Bean
	NavItem volunteerNavItem() {
		return new NavItem(NavGroup.FORCES, "nav.volunteers", "/volunteers", Permissions.ACTOR_VIEW, 320);
	}

}
