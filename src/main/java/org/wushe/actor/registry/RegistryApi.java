package org.wushe.actor.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.wushe.access.CurrentUser;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionInput;

/**
 * The API every actor registry answers under its {@code @RequestMapping("/api/<registry>")}: the list with filters,
 * register, one record, edit, counts per child region, the audited read of a record's full personal data; all within
 * the caller's scope, personal data masked elsewhere. A registry's subclass adds what is its own and describes its
 * fields in its {@code @Tag}. The permissions are a parameter ({@link RegistryPermissions}).
 *
 * @param <T> a record of the registry
 * @param <I> what a body sends
 */
public abstract class RegistryApi<T, I> {

	private final Registry<T, I> registry;

	private final RegionInput regions;

	private final RegistryPermissions permissions;

	protected RegistryApi(Registry<T, I> registry, RegionInput regions, RegistryPermissions permissions) {
		this.registry = registry;
		this.regions = regions;
		this.permissions = permissions;
	}

	/** An actor registry's API ({@link RegistryPermissions#ACTOR}). */
	protected RegistryApi(Registry<T, I> registry, RegionInput regions) {
		this(registry, regions, RegistryPermissions.ACTOR);
	}

	/** Who may read and who may write (the endpoints' {@code @PreAuthorize} asks this). */
	public RegistryPermissions permissions() {
		return permissions;
	}

	@GetMapping
	@PreAuthorize("hasAuthority(this.permissions().view())")
	@Operation(summary = "List in scope", description = """
			Filters: within (region code, default the caller's region; outside the scope answers 404), q (name, \
			pinyin initials, or an exact number: see the registry), kind and status (see the registry; blank = any); \
			offset/size (at most 500). Personal data are masked.""")
	public List<T> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.list(new ListQuery(regions.narrow(user.scope(), within), q, kind, status, offset, size))
			.rows();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority(this.permissions().manage())")
	@Operation(summary = "Register (the required fields: see the registry)")
	public T create(@RequestBody I input, @AuthenticationPrincipal CurrentUser user) {
		return registry.register(input, user.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority(this.permissions().view())")
	@Operation(summary = "One record in scope (404 outside)")
	public T one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return registry.get(user.scope(), id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority(this.permissions().manage())")
	@Operation(summary = "Edit a record in scope", description = "A blank ID number or phone keeps the stored one.")
	public T update(@PathVariable long id, @RequestBody I input, @AuthenticationPrincipal CurrentUser user) {
		return registry.update(id, input, user.scope());
	}

	@GetMapping("/counts")
	@PreAuthorize("hasAuthority(this.permissions().view())")
	@Operation(summary = "Records (not withdrawn) per child region, by kind or status")
	public RegionBreakdown.Result counts(@RequestParam(required = false) String within,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.counts(regions.narrow(user.scope(), within));
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority(this.permissions().view()) and hasAuthority('personal-data:view')")
	@Operation(summary = "Full personal data of a record in scope (needs personal-data:view; every read is audited)")
	public Object personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return registry.fullPersonalData(user, id);
	}

}
