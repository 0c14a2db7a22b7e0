package org.wushe.charity.donation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
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
import org.wushe.personal.PersonalColumn;
import org.wushe.personal.PersonalData;
import org.wushe.charity.DonationKind;
import org.wushe.charity.DonorKind;
import org.wushe.charity.support.CharityExports;
import org.wushe.charity.support.CharityRegions;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;

/** Donation pages: list, record, detail, totals per region, donors, exports of donations and donors. */
@Controller
@RequiredArgsConstructor
class DonationController {

	static final int PAGE_SIZE = 50;

	private final DonationService donations;

	private final CharityRegions regions;

	private final CharityExports exports;

	private final Clock clock;

	@GetMapping("/donations")
	@PreAuthorize("hasAuthority('charity:view')")
	String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.listPage(user, within, q, kind, page, PAGE_SIZE, model, "donations",
				donations::list);
		model.addAttribute("withinName", regions.name(scope.root()));
		model.addAttribute("kinds", DonationKind.values());
		return "charity/donations";
	}

	@GetMapping("/donations/{id}")
	@PreAuthorize("hasAuthority('charity:view')")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("donation", donations.get(user.scope(), id));
		return "charity/donation";
	}

	@GetMapping("/donations/new")
	@PreAuthorize("hasAuthority('charity:manage')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", DonationInput.empty(user.region().value(), LocalDate.now(clock).toString()));
		options(model);
		return "charity/donation-form";
	}

	@PostMapping("/donations")
	@PreAuthorize("hasAuthority('charity:manage')")
	String create(DonationInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			Donation d = donations.record(form, user.scope());
			flash.addFlashAttribute("flash", "charity.donation.created");
			return "redirect:/donations/" + d.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", new DonationInput(form.donorId(), form.donorKind(), form.donorName(), "",
					form.donorCreditCode(), form.regionCode(), form.kind(), form.amount(), form.itemDescription(),
					form.quantity(), form.unit(), form.valuation(), form.valuationBasis(), form.valuedBy(),
					form.siteId(), form.fundId(), form.receivedOn(), form.note()));
			model.addAttribute("errors", ex.errors());
			options(model);
			return "charity/donation-form";
		}
	}

	@GetMapping("/donations/totals")
	@PreAuthorize("hasAuthority('charity:view')")
	String totals(@RequestParam(required = false) String within, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("totals", donations.totals(regions.narrow(user.scope(), within)));
		return "charity/totals";
	}

	@GetMapping("/donors")
	@PreAuthorize("hasAuthority('charity:view')")
	String donors(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		regions.listPage(user, within, q, kind, page, PAGE_SIZE, model, "donors", donations::donors);
		model.addAttribute("kinds", DonorKind.values());
		return "charity/donors";
	}

	@GetMapping("/donations/export")
	@PreAuthorize("hasAuthority('charity:view')")
	void export(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		exports.download(user, within, q, kind, false, "donation", (name, opener) -> report(name), donations::stream,
				"charity.excel.file", response);
	}

	/** The donor list as a workbook: phones masked, or in full (audited) with {@code personal-data:view}. */
	@GetMapping("/donors/export")
	@PreAuthorize("hasAuthority('charity:view')")
	void exportDonors(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "false") boolean full,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		exports.download(user, within, q, kind, full, "donor", DonationController::donorReport,
				donations::streamDonors, "charity.excel.donors.file", response);
	}

	private static ExcelReport<Donations.ExportedDonor> donorReport(String regionName, PersonalData.Opener opener) {
		List<ExportColumn<Donations.ExportedDonor>> c = new ArrayList<>();
		c.add(ExportColumn.integer("charity.field.donorId", e -> e.donor().id()));
		c.add(ExportColumn.<Donations.ExportedDonor>text("charity.field.donor", e -> e.donor().name()).width(28));
		c.add(ExportColumn.label("charity.field.donorKind", e -> e.donor().kind().messageKey()));
		c.add(ExportColumn.<Donations.ExportedDonor>text("field.creditCode", e -> e.donor().creditCode()).width(22));
		c.add(ExportColumn.text("field.contactPerson", e -> e.donor().contactPerson()));
		c.add(PersonalColumn.<Donations.ExportedDonor>phone("charity.field.phone", opener, e -> e.donor().phone(),
				Donations.ExportedDonor::phoneCipher));
		c.add(ExportColumn.text("charity.field.regionCode", e -> e.donor().regionCode()));
		c.add(ExportColumn.text("charity.field.regionName", e -> e.donor().regionName()));
		return new ExcelReport<>("charity.excel.donors.title", List.of(regionName), "charity.excel.donors.sheet", c);
	}

	private static ExcelReport<Donation> report(String regionName) {
		List<ExportColumn<Donation>> c = new ArrayList<>();
		c.add(ExportColumn.date("charity.field.receivedOn", Donation::receivedOn));
		c.add(ExportColumn.<Donation>text("charity.field.donor", Donation::donorName).width(28));
		c.add(ExportColumn.label("charity.field.donorKind", d -> d.donorKind().messageKey()));
		c.add(ExportColumn.label("charity.field.kind", d -> d.kind().messageKey()));
		c.add(ExportColumn.money("charity.field.amount", Donation::amount));
		c.add(ExportColumn.<Donation>text("charity.field.itemDescription", Donation::itemDescription).width(24));
		c.add(ExportColumn.decimal("charity.field.quantity", Donation::quantity));
		c.add(ExportColumn.text("charity.field.unit", Donation::unit));
		c.add(ExportColumn.money("charity.field.valuation", Donation::valuation));
		c.add(ExportColumn.<Donation>text("charity.field.valuationBasis", Donation::valuationBasis).width(24));
		c.add(ExportColumn.text("charity.field.valuedBy", Donation::valuedBy));
		c.add(ExportColumn.money("charity.field.totalValue", Donation::totalValue));
		c.add(ExportColumn.integer("charity.field.siteId", Donation::siteId));
		c.add(ExportColumn.<Donation>text("charity.field.fund", Donation::fundName).width(24));
		c.add(ExportColumn.money("charity.field.matchedAmount", Donation::matchedAmount));
		c.add(ExportColumn.text("charity.field.regionCode", Donation::regionCode));
		c.add(ExportColumn.text("charity.field.regionName", Donation::regionName));
		return new ExcelReport<>("charity.excel.title", List.of(regionName), "charity.excel.sheet", c);
	}

	private static void options(Model model) {
		model.addAttribute("kinds", DonationKind.values());
		model.addAttribute("donorKinds", DonorKind.values());
	}

}
