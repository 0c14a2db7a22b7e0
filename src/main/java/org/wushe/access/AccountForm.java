package org.wushe.access;

/** The create-account form of the accounts page. */
record AccountForm(String username, String displayName, String regionCode, String role, String password) {

	static AccountForm empty(String regionCode) {
		return new AccountForm("", "", regionCode, "", "");
	}

	NewAccount toNewAccount() {
		return new NewAccount(username, displayName, regionCode, role, password);
	}

}
