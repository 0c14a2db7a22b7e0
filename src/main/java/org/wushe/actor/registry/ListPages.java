package org.wushe.actor.registry;

import java.util.function.Consumer;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.wushe.access.CurrentUser;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PhoneNumber;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ListPage;
import org.wushe.region.RegionInput;
import org.wushe.region.ListQuery;

/**
 * What the registries' pages share: the query of a list page with the filters as the page shows them again, and a
 * form that is saved, or shown again with its errors.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ListPages {

	/** Rows per list page. */
	public static final int PAGE_SIZE = 50;

	private final RegionInput regions;

	/**
	 * One page of a registry list: the user's scope narrowed to {@code within} (404 outside), the filters, page
	 * {@code page} (from 0). Puts {@code within}, {@code withinName}, {@code q} (an ID or phone number masked),
	 * {@code kind} and {@code status} into the model for the filter bar and the pager.
	 */
	public ListQuery query(CurrentUser user, String within, String q, String kind, String status, int page,
			Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		ListQuery query = new ListQuery(scope, q, kind, status, new ListPage(page, PAGE_SIZE).offset(), PAGE_SIZE);
		model.addAttribute("within", scope.root().value());
		model.addAttribute("withinName", regions.name(scope.root()));
		model.addAttribute("q", shown(query.text()));
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		return query;
	}

	/**
	 * The search text as a page may show it again: an ID number or phone number searched for exactly is masked, so
	 * that the full value is not echoed into the page (or its links).
	 */
	private static String shown(String text) {
		if (IdNumber.isValid(text)) {
			return IdNumber.mask(IdNumber.normalise(text));
		}
		return PhoneNumber.normalised(text).map(PhoneNumber::mask).orElse(text);
	}

	/**
	 * The page of a registry's counts per child region ({@code actor/counts}), one column per constant of
	 * {@code columns}; {@code registry} is the list path, {@code item} the prefix of the table's ids.
	 */
	public static String counts(Model model, String registry, String item, Enum<?>[] columns) {
		model.addAttribute("registry", registry);
		model.addAttribute("item", item);
		model.addAttribute("columns", columns);
		return "actor/counts";
	}

	/**
	 * Saves a form: what {@code save} answers (a redirect), or, when the input is refused, {@code view} again with
	 * the form ({@code form}), its errors ({@code errors}) and what {@code options} adds.
	 */
	public static String save(Supplier<String> save, Object form, Model model, Consumer<Model> options, String view) {
		try {
			return save.get();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			options.accept(model);
			return view;
		}
	}

}
