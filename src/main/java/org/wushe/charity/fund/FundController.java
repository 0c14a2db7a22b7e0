package org.wushe.charity.fund;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.charity.support.CharityExports;
import org.wushe.region.ListQuery;
import org.wushe.charity.support.CharityRegions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;

/** Pages of charity funds and charitable trusts: lists, exports, details, create and edit forms. */
@Controller
@RequiredArgsConstructor
class FundController {

	private final FundService funds;

	private final CharityRegions regions;

	private final CharityExports exports;

	@GetMapping("/funds/export")
	@PreAuthorize("hasAuthority('charity:view')")
	void exportFunds(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		exports.download(user, within, q, null, false, FundService.FUND, (name, opener) -> fundReport(name),
				funds::streamFunds, "charity.excel.funds.file", response);
	}

	@GetMapping("/trusts/export")
	@PreAuthorize("hasAuthority('charity:view')")
	void exportTrusts(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		exports.download(user, within, q, null, false, FundService.TRUST, (name, opener) -> trustReport(name),
				funds::streamTrusts, "charity.excel.trusts.file", response);
	}

	private static ExcelReport<Fund> fundReport(String regionName) {
		List<ExportColumn<Fund>> c = new ArrayList<>();
		c.add(ExportColumn.integer("charity.field.fundId", Fund::id));
		c.add(ExportColumn.<Fund>text("field.name", Fund::name).width(28));
		c.add(ExportColumn.<Fund>text("charity.field.purpose", Fund::purpose).width(30));
		c.add(ExportColumn.text("field.manager", Fund::manager));
		c.add(ExportColumn.money("charity.field.received", Fund::received));
		c.add(ExportColumn.decimal("charity.field.matchingRatio", Fund::matchingRatio));
		c.add(ExportColumn.money("charity.field.matchedTotal", Fund::matchedTotal));
		c.add(ExportColumn.money("charity.field.matchingCap", Fund::matchingCap));
		c.add(ExportColumn.label("field.status", f -> f.status().messageKey()));
		c.add(ExportColumn.text("charity.field.regionCode", Fund::regionCode));
		c.add(ExportColumn.text("charity.field.regionName", Fund::regionName));
		return new ExcelReport<>("charity.excel.funds.title", List.of(regionName), "charity.excel.funds.sheet", c);
	}

	private static ExcelReport<CharitableTrust> trustReport(String regionName) {
		List<ExportColumn<CharitableTrust>> c = new ArrayList<>();
		c.add(ExportColumn.integer("charity.field.trustId", CharitableTrust::id));
		c.add(ExportColumn.<CharitableTrust>text("field.name", CharitableTrust::name).width(28));
		c.add(ExportColumn.<CharitableTrust>text("charity.field.trustee", CharitableTrust::trustee).width(24));
		c.add(ExportColumn.money("charity.field.amount", CharitableTrust::amount));
		c.add(ExportColumn.date("charity.field.establishedOn", CharitableTrust::establishedOn));
		c.add(ExportColumn.text("charity.field.filingNumber", CharitableTrust::filingNumber));
		c.add(ExportColumn.<CharitableTrust>text("charity.field.purpose", CharitableTrust::purpose).width(30));
		c.add(ExportColumn.text("charity.field.regionCode", CharitableTrust::regionCode));
		c.add(ExportColumn.text("charity.field.regionName", CharitableTrust::regionName));
		return new ExcelReport<>("charity.excel.trusts.title", List.of(regionName), "charity.excel.trusts.sheet", c);
	}

	@GetMapping("/funds")
	@PreAuthorize("hasAuthority('charity:view')")
	String funds(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		regions.listPage(user, within, q, "", 0, ListQuery.MAX_SIZE, model, "funds", funds::funds);
		return "charity/funds";
	}

	@GetMapping("/funds/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	String fund(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("fund", funds.getFund(user.scope(), id));
		return "charity/fund";
	}

	@GetMapping("/funds/{id}/edit")
	@PreAuthorize("hasAuthority('charity:manage')")
	String editFund(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAllAttributes(fundFormModel(FundInput.of(funds.getFund(user.scope(), id)), id));
		return "charity/fund-form";
	}

	@PostMapping("/funds/{id}")
	@PreAuthorize("hasAuthority('charity:manage')")
	String updateFund(@PathVariable long id, FundInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return save(() -> funds.updateFund(id, form, user.scope()), "charity.fund.updated", "/funds/" + id,
				"charity/fund-form", fundFormModel(form, id),
				() -> changedMeanwhile(FundInput.of(funds.getFund(user.scope(), id)), form), model, flash, response);
	}

	@GetMapping("/funds/new")
	@PreAuthorize("hasAuthority('charity:manage')")
	String fundForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAllAttributes(fundFormModel(FundInput.empty(user.region().value()), null));
		return "charity/fund-form";
	}

	@PostMapping("/funds")
	@PreAuthorize("hasAuthority('charity:manage')")
	String createFund(FundInput form, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		return save(() -> funds.createFund(form, user.scope()), "charity.fund.created", "/funds", "charity/fund-form",
				fundFormModel(form, null), null, model, flash, response);
	}

	@GetMapping("/trusts")
	@PreAuthorize("hasAuthority('charity:view')")
	String trusts(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		regions.listPage(user, within, q, "", 0, ListQuery.MAX_SIZE, model, "trusts", funds::trusts);
		return "charity/trusts";
	}

	@GetMapping("/trusts/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	String trust(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("trust", funds.getTrust(user.scope(), id));
		return "charity/trust";
	}

	@GetMapping("/trusts/{id}/edit")
	@PreAuthorize("hasAuthority('charity:manage')")
	String editTrust(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAllAttributes(trustFormModel(TrustInput.of(funds.getTrust(user.scope(), id)), id));
		return "charity/trust-form";
	}

	@PostMapping("/trusts/{id}")
	@PreAuthorize("hasAuthority('charity:manage')")
	String updateTrust(@PathVariable long id, TrustInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return save(() -> funds.updateTrust(id, form, user.scope()), "charity.trust.updated", "/trusts/" + id,
				"charity/trust-form", trustFormModel(form, id),
				() -> changedMeanwhile(TrustInput.of(funds.getTrust(user.scope(), id)), form), model, flash, response);
	}

	@GetMapping("/trusts/new")
	@PreAuthorize("hasAuthority('charity:manage')")
	String trustForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAllAttributes(trustFormModel(TrustInput.empty(user.region().value()), null));
		return "charity/trust-form";
	}

	@PostMapping("/trusts")
	@PreAuthorize("hasAuthority('charity:manage')")
	String createTrust(TrustInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return save(() -> funds.createTrust(form, user.scope()), "charity.trust.created", "/trusts",
				"charity/trust-form", trustFormModel(form, null), null, model, flash, response);
	}

	/** What the fund form shows: the form, the fund's id when it is edited ({@code fundId}) and the statuses. */
	private static Map<String, Object> fundFormModel(FundInput form, Long id) {
		Map<String, Object> attributes = editForm(form, "fundId", id);
		attributes.put("statuses", FundStatus.values());
		return attributes;
	}

	/** What the trust form shows: the form and the trust's id when it is edited ({@code trustId}). */
	private static Map<String, Object> trustFormModel(TrustInput form, Long id) {
		return editForm(form, "trustId", id);
	}

	private static Map<String, Object> editForm(Record form, String idAttribute, Long id) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("form", form);
		if (id != null) {
			attributes.put(idAttribute, id);
		}
		return attributes;
	}

	/**
	 * The fields whose saved value differs from what the user typed, field name to saved text; numbers compare by
	 * value, so a saved {@code 0.50} is what the user meant by {@code 0.5}.
	 */
	private static <R extends Record> Map<String, String> changedMeanwhile(R saved, R typed) {
		Map<String, String> changed = new LinkedHashMap<>();
		for (RecordComponent field : saved.getClass().getRecordComponents()) {
			String was = text(field, saved);
			String now = text(field, typed);
			if (!field.getName().equals("version") && !was.equals(now) && !sameNumber(was, now)) {
				changed.put(field.getName(), was);
			}
		}
		return changed;
	}

	private static String text(RecordComponent field, Record input) {
		try {
			Object value = field.getAccessor().invoke(input);
			return value == null ? "" : value.toString().strip();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean sameNumber(String a, String b) {
		try {
			return new BigDecimal(a.replace(",", "")).compareTo(new BigDecimal(b.replace(",", ""))) == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Runs a create or update: on success back to {@code redirect} with the flash message, on invalid input the form
	 * again (422) with its values and the errors in place; nothing is stored then. An update refused because someone
	 * else saved the record after the form was loaded (409) shows the form again too: what the user typed, with the
	 * version it was loaded at (so saving it again is refused again), the message with a link that reloads the form,
	 * and next to each field the value saved meanwhile ({@code saved}, see {@link #changedMeanwhile}; null for a
	 * create).
	 */
	private static String save(Runnable action, String flashKey, String redirect, String formView,
			Map<String, ?> formModel, Supplier<?> saved, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		try {
			action.run();
			flash.addFlashAttribute("flash", flashKey);
			return "redirect:" + redirect;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAllAttributes(formModel);
			model.addAttribute("errors", ex.errors());
			return formView;
		}
		catch (BusinessException ex) {
			if (saved == null || ex.status() != HttpStatus.CONFLICT) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAllAttributes(formModel);
			model.addAttribute("stale", ex.messageKey());
			model.addAttribute("saved", saved.get());
			return formView;
		}
	}

}
