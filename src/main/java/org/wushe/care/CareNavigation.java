package org.wushe.care;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavItem;

@Configuration
class CareNavigation {

	@Bean
	NavItem careNavItem() {
		return new NavItem("nav.care", "/care/persons", Permissions.CARE_VIEW, 200);
	}

}
