package org.wushe.campaign.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.Permissions;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

@Configuration
class CampaignNavigation {

	@Bean
	NavItem campaignNavItem() {
		return new NavItem(NavGroup.CAMPAIGNS, "nav.campaigns", "/campaigns", Permissions.CAMPAIGN_VIEW, 300);
	}

}
