package org.wushe.care.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.care.CareCategories;
import org.wushe.care.RiskLevel;
import org.wushe.care.VisitFrequencies;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The care settings of administrators and province staff ({@code care:admin}): the categories (built-in ones, the
 * country's and the province's own), and the visit frequency table of a province or county in their scope — a county
 * may make visits more frequent than its province, never less. Pages at {@code /care/settings}, API at {@code /api/care/categories} and
 * {@code /api/care/frequencies}.
 */
@Controller
@RequiredArgsConstructor
class CareSettingsController {

	/** A category as typed. */
	record CategoryForm(String code, String nameZh, String nameEn) {
	}

	/** One interval as typed: the province's or county's region code, category, risk level and days. */
	record FrequencyForm(String regionCode, String categoryCode, String riskLevel, String intervalDays) {
	}

	/** The effective interval of a category and risk level in a region. */
	record Interval(String categoryCode, String categoryName, String riskLevel, int days) {
	}

	private final CareCategories categories;

	private final VisitFrequencies frequencies;

	@GetMapping("/care/settings")
	@PreAuthorize("hasAuthority('care:admin')")
	String page(@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return page(user.scope().within(region, "region"), model, new CategoryForm("", "", ""),
				new FrequencyForm(region == null ? "" : region, "", "", ""), List.of());
	}

	private String page(RegionScope scope, Model model, CategoryForm category, FrequencyForm frequency,
			List<FieldError> errors) {
		model.addAttribute("categories", categories.of(scope.root()));
		model.addAttribute("region", scope.root().value());
		model.addAttribute("intervals", intervals(scope.root()));
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("categoryForm", category);
		model.addAttribute("frequencyForm", frequency);
		model.addAttribute("errors", errors);
		return "care/settings";
	}

	@PostMapping("/care/settings/categories")
	@PreAuthorize("hasAuthority('care:admin')")
	String addCategory(CategoryForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		try {
			categories.add(form.code(), form.nameZh(), form.nameEn(), user);
			flash.addFlashAttribute("flash", "care.settings.category-added");
			return "redirect:/care/settings";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user.scope(), model, form, new FrequencyForm("", "", "", ""), ex.errors());
		}
	}

	@PostMapping("/care/settings/frequencies")
	@PreAuthorize("hasAuthority('care:admin')")
	String setFrequency(FrequencyForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		try {
			set(form, user);
			flash.addFlashAttribute("flash", "care.settings.frequency-saved");
			return "redirect:/care/settings?region=" + form.regionCode().strip();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user.scope(), model, new CategoryForm("", "", ""), form, ex.errors());
		}
	}

	@GetMapping("/api/care/categories")
	@PreAuthorize("hasAuthority('care:view')")
	@ResponseBody
	@Operation(tags = "care", summary = "The categories of persons served in the caller's province",
			description = "The country's (built-in and added) and the caller's province's own.")
	List<CareCategories.Category> categoryList(@AuthenticationPrincipal CurrentUser user) {
		return categories.of(user.region());
	}

	@PostMapping("/api/care/categories")
	@PreAuthorize("hasAuthority('care:admin')")
	@ResponseStatus(HttpStatus.CREATED)
	@ResponseBody
	@Operation(tags = "care", summary = "Add a category", description = "code (A-Z, 0-9, _; unique in the country), "
			+ "nameZh, nameEn?. Added at the country level it is everyone's; added by a province's staff it belongs to "
			+ "that province; below a province: 403.")
	CareCategories.Category categoryAdd(@RequestBody CategoryForm form, @AuthenticationPrincipal CurrentUser user) {
		return categories.add(form.code(), form.nameZh(), form.nameEn(), user);
	}

	@GetMapping("/api/care/frequencies")
	@PreAuthorize("hasAuthority('care:view')")
	@ResponseBody
	@Operation(tags = "care", summary = "Days between visits per category and risk level in force in a region in scope")
	List<Interval> frequencyList(@RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user) {
		return intervals(user.scope().within(region, "region").root());
	}

	@PutMapping("/api/care/frequencies")
	@PreAuthorize("hasAuthority('care:admin')")
	@ResponseBody
	@Operation(tags = "care", summary = "Set one interval of a province's or county's table", description = """
			regionCode (a province or county in scope), categoryCode, riskLevel, intervalDays (1-366). A county's \
			interval may not be longer than its province's: 400 naming intervalDays.""")
	List<Interval> frequencySet(@RequestBody FrequencyForm form, @AuthenticationPrincipal CurrentUser user) {
		return intervals(set(form, user));
	}

	RegionCode set(FrequencyForm form, CurrentUser user) {
		FieldChecks c = new FieldChecks();
		String text = form.regionCode() == null ? "" : form.regionCode().strip();
		RegionCode region = null;
		if (!RegionCode.isValid(text)) {
			c.add("regionCode", "care.frequency.level");
		}
		else {
			region = RegionCode.parse(text);
			if (!user.scope().covers(region)) {
				c.add("regionCode", "region.input.out-of-scope", text);
			}
			else if (region.level() != RegionLevel.PROVINCE && region.level() != RegionLevel.COUNTY) {
				c.add("regionCode", "care.frequency.level");
			}
		}
		String category = form.categoryCode() == null ? "" : form.categoryCode().strip();
		if (!categories.codes(region == null ? user.region() : region).contains(category)) {
			c.add("categoryCode", "care.person.category-unknown", category);
		}
		RiskLevel risk = c.choice("riskLevel", form.riskLevel(), RiskLevel.class, true);
		Integer days = c.integer("intervalDays", form.intervalDays(), 1, 366, true);
		c.throwIfAny();
		frequencies.set(region, category, risk.name(), days);
		return region;
	}

	private List<Interval> intervals(RegionCode region) {
		Map<List<String>, Integer> table = frequencies.table(region);
		List<Interval> result = new ArrayList<>();
		for (CareCategories.Category cat : categories.of(region)) {
			for (RiskLevel risk : RiskLevel.values()) {
				result.add(new Interval(cat.code(), cat.name(), risk.name(),
						table.getOrDefault(List.of(cat.code(), risk.name()), VisitFrequencies.FALLBACK_DAYS)));
			}
		}
		return result;
	}

}
