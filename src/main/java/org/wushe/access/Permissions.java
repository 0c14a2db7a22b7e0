package org.wushe.access;

/**
 * Permission strings checked on every action ({@code @PreAuthorize("hasAuthority('…')")}) and used by pages to show
 * only allowed buttons.
 */
public final class Permissions {

	public static final String REGION_VIEW = "region:view";

	public static final String REGION_ADMIN = "region:admin";

	public static final String ACCOUNT_VIEW = "account:view";

	public static final String ACCOUNT_MANAGE = "account:manage";

	public static final String AUDIT_VIEW = "audit:view";

	public static final String PERSONAL_DATA_VIEW = "personal-data:view";

	private Permissions() {
	}

}
