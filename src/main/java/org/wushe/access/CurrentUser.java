package org.wushe.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * The logged-in account as the rest of Wushe sees it: who, on which region, with which role. Its data scope is the
 * subtree of its region. The password hash is only present during authentication.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable {

	private final long id;

	private final String username;

	private final String displayName;

	private final String regionCode;

	private final String regionName;

	private final Role role;

	private final boolean mustChangePassword;

	private final boolean locked;

	private final boolean enabled;

	/** When the account's password had last changed when this principal was loaded. */
	private final Instant credentialsChangedAt;

	private transient String passwordHash;

	/** The permissions an API token narrowed this user to; {@code null} for all of the role's. */
	private final Set<String> granted;

	CurrentUser(Account account, String regionName, boolean locked) {
		this.id = account.id();
		this.username = account.username();
		this.displayName = account.displayName();
		this.regionCode = account.regionCode();
		this.regionName = regionName;
		this.role = account.role();
		this.mustChangePassword = account.mustChangePassword();
		this.locked = locked;
		this.enabled = account.enabled();
		this.credentialsChangedAt = account.credentialsChangedAt();
		this.passwordHash = account.passwordHash();
		this.granted = null;
	}

	private CurrentUser(CurrentUser user, Set<String> granted) {
		this.id = user.id;
		this.username = user.username;
		this.displayName = user.displayName;
		this.regionCode = user.regionCode;
		this.regionName = user.regionName;
		this.role = user.role;
		this.mustChangePassword = user.mustChangePassword;
		this.locked = user.locked;
		this.enabled = user.enabled;
		this.credentialsChangedAt = user.credentialsChangedAt;
		this.granted = granted;
	}

	/** This user with at most {@code permissions} (an API token's); {@code null} keeps all of the role's. */
	CurrentUser limitedTo(Set<String> permissions) {
		return permissions == null ? this : new CurrentUser(this, Set.copyOf(permissions));
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public RegionCode region() {
		return new RegionCode(regionCode);
	}

	/**
	 * The region whose figures (or export) a request asks for, sent as {@code field}: blank means the user's own
	 * region; a malformed code is a 400 naming the field, a region outside the scope (above it included) a 404 (see
	 * {@link RegionFilter#read}).
	 */
	public RegionCode region(String text, String field) {
		return RegionFilter.read(scope(), text, field);
	}

	/**
	 * The region a list is narrowed to, sent as {@code field}: as {@link #region(String, String)}, but a region above
	 * the user's reads as the user's own (see {@link RegionFilter#narrow}).
	 */
	public RegionCode within(String text, String field) {
		return RegionFilter.narrow(scope(), text, field);
	}

	/**
	 * The region a campaign's board or table is asked for, sent as {@code field}: blank means the user's own region, a
	 * malformed code is a 400 naming the field; the campaign checks the scope (see {@link RegionFilter#requested}).
	 */
	public RegionCode requested(String text, String field) {
		return RegionFilter.requested(scope(), text, field);
	}

	public String regionName() {
		return regionName;
	}

	public Role role() {
		return role;
	}

	public RegionScope scope() {
		return new RegionScope(region());
	}

	public boolean can(String permission) {
		return role.can(permission) && (granted == null || granted.contains(permission));
	}

	Instant credentialsChangedAt() {
		return credentialsChangedAt;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return Stream.concat(Stream.of("ROLE_" + role.name()), role.permissions().stream().filter(this::can))
			.map(SimpleGrantedAuthority::new)
			.toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	List<String> permissions() {
		return role.permissions().stream().filter(this::can).sorted().toList();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CurrentUser other && other.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return "CurrentUser[" + username + "]";
	}

}
