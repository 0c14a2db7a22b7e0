package org.wushe.shared;

import java.util.List;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Extension point of the home page: a module that has something pending for the logged-in user (a deadline, a review)
 * declares a bean of this type; the home page lists the notices of all of them. The web module thus shows what other
 * modules know without depending on them.
 */
public interface HomeNotices {

	/** The notices for {@code user} (the logged-in account), most urgent first; empty when there is nothing. */
	List<HomeNotice> noticesFor(UserDetails user);

}
