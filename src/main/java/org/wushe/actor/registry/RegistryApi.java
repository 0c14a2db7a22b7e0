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

/**
 * The API every actor registry answers under its {@code @RequestMapping("/api/<registry>")}: the list with filters,
 * register, one record, edit, counts per child region; all within the caller's scope, personal data masked. A
 * registry's subclass adds what is its own (the audited read of full personal data) and describes its fields in its
 * {@code @Tag}.
 *
 * @param <T> a record of the registry
 * @param <I> what a body sends
 */
public abstract class RegistryApi<T, I> {

	private final Registry<T, I> registry;

	private final RegionInput regions;

	protected RegistryApi(Registry<T, I> registry, RegionInput regions) {
		this.registry = registry;
		this.regions = regions;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('actor:view')")
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
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Register (the required fields: see the registry)")
	public T create(@RequestBody I input, @AuthenticationPrincipal CurrentUser user) {
		return registry.register(input, user.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "One record in scope (404 outside)")
	public T one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return registry.get(user.scope(), id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Edit a record in scope", description = "A blank ID number or phone keeps the stored one.")
	public T update(@PathVariable long id, @RequestBody I input, @AuthenticationPrincipal CurrentUser user) {
		return registry.update(id, input, user.scope());
	}

	@GetMapping("/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "Records (not withdrawn) per child region, by kind or status")
	public RegionBreakdown.Result counts(@RequestParam(required = false) String within,
			@AuthenticationPrincipal CurrentUser user) {
		return registry.counts(regions.narrow(user.scope(), within));
	}

}
