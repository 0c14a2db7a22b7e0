package org.wushe.activity.web;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.activity.ActivityImport;
import org.wushe.activity.ImportResult;
import org.wushe.campaign.CampaignService;
import org.wushe.shared.InvalidInputException;

/** The import page: upload a filled-in progress table, choose all-or-nothing or valid rows only, see every problem. */
@Controller
@RequiredArgsConstructor
class ImportController {

	private final ActivityImport imports;

	private final CampaignService campaigns;

	@GetMapping("/campaigns/{id}/activities/import")
	@PreAuthorize("hasAuthority('activity:record')")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("campaign", campaigns.get(user.scope(), id));
		model.addAttribute("regionCode", user.region().value());
		model.addAttribute("mode", "all");
		return "activity/import";
	}

	@PostMapping("/campaigns/{id}/activities/import")
	@PreAuthorize("hasAuthority('activity:record')")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "all") String mode,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("campaign", campaigns.get(user.scope(), id));
		model.addAttribute("regionCode", regionCode);
		model.addAttribute("mode", mode);
		try {
			ImportResult result = imports.importTable(user.scope(), id, regionCode, mode, file,
					file == null ? 0 : file.getSize(), file == null ? null : file.getOriginalFilename(),
					user.getUsername());
			model.addAttribute("result", result);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
		}
		return "activity/import";
	}

}
