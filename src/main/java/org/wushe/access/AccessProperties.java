package org.wushe.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword the bootstrap administrator's password ({@code WUSHE_ADMIN_PASSWORD}); generated when unset
 * @param demoPassword one password for all demo accounts ({@code WUSHE_DEMO_PASSWORD}); generated per account when
 * unset
 */
@ConfigurationProperties("wushe")
record AccessProperties(Admin admin, Demo demo) {

	AccessProperties {
		admin = admin == null ? new Admin(null) : admin;
		demo = demo == null ? new Demo(false, null) : demo;
	}

	record Admin(String password) {
	}

	record Demo(boolean enabled, String password) {
	}

}
