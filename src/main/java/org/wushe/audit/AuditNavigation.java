package org.wushe.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class AuditNavigation {

	@Bean
	NavItem auditNavItem() {
		return new NavItem(NavGroup.SYSTEM, "nav.audit", "/audit", "audit:view", 910);
	}

}
