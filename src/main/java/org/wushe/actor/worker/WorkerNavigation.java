package org.wushe.actor.worker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class WorkerNavigation {

	@Bean
	NavItem workerNavItem() {
		return new NavItem(NavGroup.FORCES, "nav.workers", "/workers", Permissions.ACTOR_VIEW, 310);
	}

}
