package org.wushe.actor.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class OrganizationNavigation {

	@Bean
	NavItem organizationNavItem() {
		return new NavItem(NavGroup.FORCES, "nav.organizations", "/organizations", Permissions.ACTOR_VIEW, 300);
	}

}
