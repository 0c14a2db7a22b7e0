package org.wushe.support;

import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * The people a full-stack test acts as: fresh accounts (unique names, no password change due, see
 * {@link TestAccounts}), logged in with HTTP Basic. The usual cast is 新城区 (150102) with its station 海拉尔东路街道
 * (150102001), and its sibling county 赛罕区 (150105) with its station (150105001), the one that must see nothing of
 * 新城区. Every call creates a new account, so a test keeps the names it needs.
 */
public class TestLogins {

	public static final String COUNTY = "150102";

	public static final String STATION = "150102001";

	public static final String SIBLING = "150105";

	public static final String SIBLING_STATION = "150105001";

	private final AccountService accounts;

	TestLogins(AccountService accounts) {
		this.accounts = accounts;
	}

	/** A new account with {@code role} on {@code region}; answers its user name. */
	public String create(Role role, String region) {
		return TestAccounts.create(accounts, role, region);
	}

	/** Staff of 新城区. */
	public String county() {
		return create(Role.COUNTY_STAFF, COUNTY);
	}

	/** Staff of the sibling county 赛罕区. */
	public String sibling() {
		return create(Role.COUNTY_STAFF, SIBLING);
	}

	/** A station worker of 海拉尔东路街道 (新城区). */
	public String station() {
		return create(Role.STATION_WORKER, STATION);
	}

	/** A station worker of the sibling county's first station. */
	public String siblingStation() {
		return create(Role.STATION_WORKER, SIBLING_STATION);
	}

	/** The read-only leader of 新城区. */
	public String leader() {
		return create(Role.LEADER, COUNTY);
	}

	/** The id of the account {@code username} (as a form or API body names it). */
	public long id(String username) {
		return accounts.list(new RegionScope(RegionCode.COUNTRY), RegionCode.COUNTRY, username, 0, 50)
			.stream()
			.filter(a -> a.username().equals(username))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
