package org.wushe.access;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionTreeLoaded;
import org.wushe.shared.CsvRows;

/**
 * Creates the bootstrap administrator {@code admin} at first start, and the demo accounts of Inner Mongolia once the
 * region tree is there (embedded default only). Passwords chosen by the operator through the environment need not be
 * changed; generated ones are printed once and must be changed at first login.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class BootstrapAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

	static final String ADMIN = "admin";

	private final AccountService accounts;

	private final AccessProperties properties;

	private final MessageSource messages;

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.exists(ADMIN)) {
			return;
		}
		try {
			createAdministrator();
		}
		catch (RuntimeException ex) {
			// another node started at the same time and created it first (duplicate username)
			if (!accounts.exists(ADMIN)) {
				throw ex;
			}
			log.info("The administrator account 'admin' was created by another node");
		}
	}

	private void createAdministrator() {
		// the administrator's name as the header shows it, in the platform's language
		String name = messages.getMessage("access.admin.display-name", null, ADMIN,
				java.util.Locale.SIMPLIFIED_CHINESE);
		String chosen = properties.admin().password();
		if (chosen != null && !chosen.isBlank()) {
			PasswordPolicy.check("WUSHE_ADMIN_PASSWORD", chosen, ADMIN);
			accounts.createSystemAccount(ADMIN, name, RegionCode.COUNTRY, Role.ADMIN, chosen, false);
			log.info("Created the administrator account 'admin' with the password from WUSHE_ADMIN_PASSWORD");
		}
		else {
			String generated = PasswordPolicy.generate();
			accounts.createSystemAccount(ADMIN, name, RegionCode.COUNTRY, Role.ADMIN, generated,
					true);
			log.warn("""

					================================================================
					 Administrator account created: admin / {}
					 This password is shown only once; change it at first login.
					================================================================""", generated);
		}
	}

	/** First among the listeners: other modules' demo data may act in the name of these accounts. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void onRegionTreeLoaded(RegionTreeLoaded event) {
		if (!properties.demo().enabled()) {
			return;
		}
		String shared = properties.demo().password();
		StringBuilder printed = new StringBuilder();
		for (String[] f : CsvRows.read("demo/accounts.csv")) {
			if (f.length < 4 || accounts.exists(f[0])) {
				continue;
			}
			boolean generated = shared == null || shared.isBlank();
			String password = generated ? PasswordPolicy.generate() : shared;
			accounts.createSystemAccount(f[0], f[1], new RegionCode(f[2]), Role.valueOf(f[3]), password, generated);
			printed.append(String.format("%n %-14s %-16s %-12s %s", f[0], generated ? password : "(WUSHE_DEMO_PASSWORD)",
					f[2], f[3]));
		}
		if (!printed.isEmpty()) {
			log.warn("""

					================================================================
					 Demo accounts (shown only once; generated passwords must be
					 changed at first login):{}
					================================================================""", printed);
		}
	}

}
