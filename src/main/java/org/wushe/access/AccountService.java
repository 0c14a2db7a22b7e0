package org.wushe.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.Like;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The access module's public API for accounts: creating them within the creator's scope and power, listing them in
 * scope, changing passwords, and the lock-out bookkeeping of logins.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountService {

	static final String ENTITY = "account";

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	/**
	 * Creates an account inside the creator's subtree, with a role the creator may grant. A password given by the
	 * creator, or generated when left blank, must be changed at first login.
	 */
	@Transactional
	public CreatedAccount create(NewAccount input, CurrentUser creator) {
		if (!creator.can(Permissions.ACCOUNT_MANAGE)) {
			throw BusinessException.forbidden("error.forbidden");
		}
		List<FieldError> errors = new ArrayList<>();
		String username = input.username() == null ? "" : input.username().strip();
		if (!username.matches("[A-Za-z0-9_.\\-]{3,64}")) {
			errors.add(new FieldError("username", "access.account.username.invalid"));
		}
		else if (accounts.existsByUsernameKey(Account.key(username))) {
			errors.add(new FieldError("username", "access.account.username.taken", username));
		}
		String displayName = input.displayName() == null ? "" : input.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 100) {
			errors.add(new FieldError("displayName", "access.account.display-name.invalid"));
		}
		Role role = parseRole(input.role());
		if (role == null) {
			errors.add(new FieldError("role", "access.account.role.invalid"));
		}
		Region region = null;
		if (input.regionCode() == null || !RegionCode.isValid(input.regionCode())) {
			errors.add(new FieldError("regionCode", "region.error.malformed", String.valueOf(input.regionCode())));
		}
		else {
			RegionCode code = RegionCode.parse(input.regionCode());
			if (!creator.scope().covers(code)) {
				errors.add(new FieldError("regionCode", "access.account.region.out-of-scope", code.value()));
			}
			else {
				region = regions.find(code).orElse(null);
				if (region == null) {
					errors.add(new FieldError("regionCode", "region.error.unknown", code.value()));
				}
			}
		}
		if (role != null && !creator.role().mayGrant(role)) {
			errors.add(new FieldError("role", "access.account.role.too-powerful"));
		}
		if (role != null && region != null && !role.fits(region.level())) {
			errors.add(new FieldError("role", "access.account.role.wrong-level", role.messageKey(),
					region.level().messageKey()));
		}
		String password = input.password();
		String generated = null;
		if (password == null || password.isBlank()) {
			generated = PasswordPolicy.generate();
			password = generated;
		}
		else {
			try {
				PasswordPolicy.check("password", password, username);
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Account saved = accounts.save(Account.create(username, displayName, region.code().value(), role,
				passwordEncoder.encode(password), true, Instant.now(clock), creator.getUsername()));
		audit.record("account.create", ENTITY, saved.id(), region.code());
		return new CreatedAccount(view(saved, region.name()), generated);
	}

	/**
	 * Creates an account without a creator (bootstrap administrator and demo data). {@code mustChange} says whether
	 * the password was chosen by the operator (false) or generated (true).
	 */
	@Transactional
	public AccountView createSystemAccount(String username, String displayName, RegionCode region, Role role,
			String password, boolean mustChange) {
		Account saved = accounts.save(Account.create(username, displayName, region.value(), role,
				passwordEncoder.encode(password), mustChange, Instant.now(clock), "system"));
		audit.record("system", "account.create", ENTITY, saved.id().toString(), region, null, null);
		return view(saved, null);
	}

	/** Whether an account has this name, in any case or width. */
	public boolean exists(String username) {
		return accounts.existsByUsernameKey(Account.key(username));
	}

	/**
	 * The account {@code username} names: the one of exactly that name, else the one whose name differs only in case
	 * or width (logins do not depend on how the name is typed).
	 */
	private Optional<Account> byName(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return accounts.findByUsername(username).or(() -> accounts.findByUsernameKey(Account.key(username)));
	}

	/**
	 * Whether the sessions of account {@code id} that were signed in with credentials changed at {@code stamp} are
	 * still valid: the account exists and its password has not changed since.
	 */
	boolean credentialsUnchanged(long id, Instant stamp) {
		List<Instant> changed = jdbc.sql("SELECT credentials_changed_at FROM account WHERE id = :id")
			.param("id", id)
			.query(Instant.class)
			.list();
		return !changed.isEmpty()
				&& (changed.get(0) == null || (stamp != null && !changed.get(0).isAfter(stamp)));
	}

	/** The user names of the enabled accounts sitting on {@code region} itself whose role holds {@code permission}. */
	public List<String> holdersAt(RegionCode region, String permission) {
		List<String> roles = rolesWith(permission);
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT username FROM account
				WHERE region_code = :region AND enabled = TRUE AND role IN (:roles)
				ORDER BY username
				""").param("region", region.value()).param("roles", roles).query(String.class).list();
	}

	/** Accounts whose region lies in both the viewer's scope and the subtree of {@code within}. */
	public List<AccountView> list(RegionScope scope, RegionCode within, String query, int offset, int size) {
		return select(scope.within(within), null, false, query, offset, size);
	}

	/** The first accounts of a list, and whether more match than it holds. */
	public record Window(List<AccountView> entries, boolean more) {
	}

	/**
	 * The enabled accounts in {@code scope} whose role holds {@code permission} and whose user name or display name
	 * contains {@code query} (blank = all), by region and user name: at most {@code size} (up to 499), and whether
	 * more match.
	 */
	public Window holders(RegionScope scope, String permission, String query, int size) {
		List<String> roles = rolesWith(permission);
		int limit = Math.min(Math.max(size, 1), 499);
		List<AccountView> found = roles.isEmpty() ? List.of() : select(scope, roles, true, query, 0, limit + 1);
		return found.size() > limit ? new Window(found.subList(0, limit), true) : new Window(found, false);
	}

	private static List<String> rolesWith(String permission) {
		return Arrays.stream(Role.values()).filter(r -> r.can(permission)).map(Role::name).toList();
	}

	/** The accounts of the scope matching the query, of {@code roles} only ({@code null}: any role). */
	private List<AccountView> select(RegionScope effective, List<String> roles, boolean enabledOnly, String query,
			int offset, int size) {
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		return jdbc.sql("""
				SELECT a.id, a.username, a.display_name, a.region_code, r.name AS region_name, a.role,
				       a.must_change_password, a.locked_until, a.enabled, a.created_at, a.created_by
				FROM account a LEFT JOIN region r ON r.code = a.region_code
				WHERE a.region_code >= :from AND a.region_code < :to AND (:anyRole = TRUE OR a.role IN (:roles))
				  AND (a.enabled = TRUE OR :enabledOnly = FALSE)
				  AND (:q = '' OR LOWER(a.username) LIKE :pattern ESCAPE '\\' OR LOWER(a.display_name) LIKE :pattern ESCAPE '\\')
				ORDER BY a.region_code, a.username
				LIMIT :limit OFFSET :offset
				""")
			.param("from", effective.from())
			.param("to", effective.to())
			.param("anyRole", roles == null)
			.param("roles", roles == null ? List.of("") : roles)
			.param("enabledOnly", enabledOnly)
			.param("q", q)
			.param("pattern", Like.containing(q))
			.param("limit", Math.min(Math.max(size, 1), 500))
			.param("offset", Math.max(offset, 0))
			.query((rs, n) -> {
				Timestamp locked = rs.getTimestamp("locked_until");
				return new AccountView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
						rs.getString("region_code"), rs.getString("region_name"), Role.valueOf(rs.getString("role")),
						rs.getBoolean("must_change_password"),
						locked != null && locked.toInstant().isAfter(Instant.now(clock)), rs.getBoolean("enabled"),
						rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
			})
			.list();
	}

	/** One account, if it exists and lies in {@code scope}; otherwise empty, as if it did not exist. */
	public Optional<AccountView> find(RegionScope scope, long id) {
		return accounts.findById(id)
			.filter(a -> scope.covers(new RegionCode(a.regionCode())))
			.map(a -> view(a, regions.find(new RegionCode(a.regionCode())).map(Region::name).orElse(null)));
	}

	/** Unlocks an account in scope before its lock runs out. */
	@Transactional
	public void unlock(RegionScope scope, long id) {
		Account account = accounts.findById(id)
			.filter(a -> scope.covers(new RegionCode(a.regionCode())))
			.orElseThrow(() -> BusinessException.notFound("access.account.unknown", id));
		accounts.save(account.unlocked());
		audit.record("account.unlock", ENTITY, id, new RegionCode(account.regionCode()));
	}

	/**
	 * Changes one's own password after checking the current one. Clears the forced-change flag.
	 */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		Account account = byName(username)
			.orElseThrow(() -> BusinessException.notFound("access.account.unknown", username));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "access.password.current-wrong");
		}
		PasswordPolicy.check("newPassword", newPassword, account.username());
		if (passwordEncoder.matches(newPassword, account.passwordHash())) {
			throw InvalidInputException.of("newPassword", "access.password.same-as-old");
		}
		accounts.save(account.withPassword(passwordEncoder.encode(newPassword), false, Instant.now(clock)));
		audit.record("account.password-change", ENTITY, account.id(), new RegionCode(account.regionCode()));
	}

	/**
	 * The principal of an existing, enabled and unlocked account, for work the system does in that account's name
	 * (demo data); empty otherwise.
	 */
	public Optional<CurrentUser> principalOf(String username) {
		return loadUser(username).filter(u -> u.isEnabled() && u.isAccountNonLocked());
	}

	/** Loads the login principal; used by authentication. */
	Optional<CurrentUser> loadUser(String username) {
		return byName(username).map(a -> toUser(a));
	}

	CurrentUser toUser(Account account) {
		RegionCode code = new RegionCode(account.regionCode());
		String name = code.isCountry() || regions.isReady() ? regions.find(code).map(Region::name).orElse(null)
				: null;
		return new CurrentUser(account, name, account.isLocked(Instant.now(clock)));
	}

	@Transactional
	void loginSucceeded(String username, String address) {
		byName(username).ifPresent(a -> {
			if (a.failedAttempts() > 0 || a.lockedUntil() != null) {
				accounts.save(a.afterSuccessfulLogin());
			}
			audit.record(username, "login.success", ENTITY, a.id().toString(), new RegionCode(a.regionCode()),
					address, null);
		});
	}

	@Transactional
	void loginFailed(String username, String address, String reason) {
		Optional<Account> account = byName(username);
		account.ifPresent(a -> accounts.save(a.afterFailedLogin(Instant.now(clock))));
		audit.record(username, "login.failure", ENTITY, account.map(a -> a.id().toString()).orElse(null),
				account.map(a -> new RegionCode(a.regionCode())).orElse(null), address, reason);
	}

	static Role parseRole(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private AccountView view(Account a, String regionName) {
		return new AccountView(a.id(), a.username(), a.displayName(), a.regionCode(), regionName, a.role(),
				a.mustChangePassword(), a.isLocked(Instant.now(clock)), a.enabled(), a.createdAt(), a.createdBy());
	}

}
