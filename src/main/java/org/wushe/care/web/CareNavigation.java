package org.wushe.care.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavItem;

@Configuration
class CareNavigation {

	@Bean
	NavItem careNavItem() {
		return new NavItem("nav.care.people", "/care/persons", Permissions.CARE_VIEW, 600);
	}

	@Bean
	NavItem careCasesNavItem() {
		return new NavItem("nav.care.cases", "/care/cases", Permissions.CARE_VIEW, 620);
	}

	@Bean
	NavItem careVisitsNavItem() {
		return new NavItem("nav.care.visits", "/care/visits/due", Permissions.CARE_VIEW, 610);
	}

	@Bean
	NavItem careSupervisorsNavItem() {
		return new NavItem("nav.care.supervisors", "/care/supervisors", Permissions.CARE_SUPERVISE, 625);
	}

	@Bean
	NavItem careSettingsNavItem() {
		return new NavItem("nav.care.settings", "/care/settings", Permissions.CARE_ADMIN, 630);
	}

}
