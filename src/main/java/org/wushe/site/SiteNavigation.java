package org.wushe.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class SiteNavigation {

	@Bean
	NavItem siteNavItem() {
		return new NavItem(NavGroup.SITES, "site.nav.sites", "/sites", Permissions.SITE_VIEW, 20);
	}

	@Bean
	NavItem siteCoverageNavItem() {
		return new NavItem(NavGroup.SITES, "site.nav.coverage", "/sites/coverage", Permissions.SITE_VIEW, 21);
	}

}
