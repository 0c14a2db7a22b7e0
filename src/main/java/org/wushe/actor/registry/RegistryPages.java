package org.wushe.actor.registry;

import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.region.RegionInput;

/**
 * The pages every actor registry has under its {@code @RequestMapping("/<registry>")}: the list with filters and
 * pager, one record, the form to register and to edit (shown again with its errors), the counts per child region.
 * Templates are {@code actor/<registry>/list|show|form}; the record is in the model as {@code <item>}, the form as
 * {@code form}. A registry's subclass says how its forms are made and adds the pages that are its own.
 *
 * @param <T> a record of the registry
 * @param <I> what the form sends
 */
public abstract class RegistryPages<T, I> {

	/** The registry's list path ({@code organizations}) and the name of one record ({@code organization}). */
	public record Names(String path, String item) {
	}

	/**
	 * How the registry's forms are made: the empty form of a new record in a region, the form of a stored record, and
	 * the record's id (for the redirect after saving).
	 */
	public record Forms<T, I>(Function<String, I> empty, Function<T, I> of, ToLongFunction<T> id) {
	}

	private final Registry<T, I> registry;

	private final ListPages lists;

	private final RegionInput regions;

	private final Names names;

	private final Forms<T, I> forms;

	private final RegistryPermissions permissions;

	protected RegistryPages(Registry<T, I> registry, ListPages lists, RegionInput regions, Names names,
			Forms<T, I> forms, RegistryPermissions permissions) {
		this.registry = registry;
		this.lists = lists;
		this.regions = regions;
		this.names = names;
		this.forms = forms;
		this.permissions = permissions;
	}

	/** An actor registry's pages ({@link RegistryPermissions#ACTOR}). */
	protected RegistryPages(Registry<T, I> registry, ListPages lists, RegionInput regions, Names names,
			Forms<T, I> forms) {
		this(registry, lists, regions, names, forms, RegistryPermissions.ACTOR);
	}

	/** Who may read and who may write (the pages' {@code @PreAuthorize} asks this). */
	public RegistryPermissions permissions() {
		return permissions;
	}

	/** The choices the list and the form offer (kinds, statuses). */
	protected abstract void options(Model model);

	/** The form as shown again after an error: personal data are not echoed into the page. */
	protected I shown(I form) {
		return form;
	}

	/** The flash message key after registering {@code record}. */
	protected String created(T record) {
		return "actor." + names.item() + ".created";
	}

	/** What the record's page shows besides the record. */
	protected void details(CurrentUser user, long id, Model model) {
	}

	/** The counts page, with the counts in the model. */
	protected abstract String countsPage(Model model);

	private String view(String page) {
		return "actor/" + names.path() + "/" + page;
	}

	@GetMapping
	@PreAuthorize("hasAuthority(this.permissions().view())")
	public String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("result", registry.list(lists.query(user, within, q, kind, status, page, model)));
		options(model);
		return view("list");
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority(this.permissions().view())")
	public String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute(names.item(), registry.get(user.scope(), id));
		details(user, id, model);
		return view("show");
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority(this.permissions().manage())")
	public String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", forms.empty().apply(user.region().value()));
		options(model);
		return view("form");
	}

	@PostMapping
	@PreAuthorize("hasAuthority(this.permissions().manage())")
	public String create(I form, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		return ListPages.save(() -> {
			T record = registry.register(form, user.scope());
			flash.addFlashAttribute("flash", created(record));
			return "redirect:/" + names.path() + "/" + forms.id().applyAsLong(record);
		}, shown(form), model, this::options, view("form"));
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority(this.permissions().manage())")
	public String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		T record = registry.get(user.scope(), id);
		model.addAttribute("form", forms.of().apply(record));
		model.addAttribute(names.item(), record);
		options(model);
		return view("form");
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority(this.permissions().manage())")
	public String update(@PathVariable long id, I form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		model.addAttribute(names.item(), registry.get(user.scope(), id));
		return ListPages.save(() -> {
			registry.update(id, form, user.scope());
			flash.addFlashAttribute("flash", "actor." + names.item() + ".updated");
			return "redirect:/" + names.path() + "/" + id;
		}, shown(form), model, this::options, view("form"));
	}

	@GetMapping("/counts")
	@PreAuthorize("hasAuthority(this.permissions().view())")
	public String counts(@RequestParam(required = false) String within, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("counts", registry.counts(regions.narrow(user.scope(), within)));
		return countsPage(model);
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority(this.permissions().view()) and hasAuthority('personal-data:view')")
	public String personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return revealed(registry.fullPersonalData(user, id), model);
	}

	/**
	 * The fragment that shows a record's full personal data (audited on reading), with them in the model: by default
	 * a person's ID number and phone ({@link FullPersonalData}).
	 */
	protected String revealed(Object data, Model model) {
		FullPersonalData person = (FullPersonalData) data;
		model.addAttribute("idNumber", person.idNumber());
		model.addAttribute("phone", person.phone());
		return "actor/workers/show :: personal-data";
	}

}
