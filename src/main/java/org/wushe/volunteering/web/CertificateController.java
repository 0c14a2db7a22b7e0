package org.wushe.volunteering.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.volunteering.Certificates;
import org.wushe.volunteering.OrganizerKind;

/**
 * Issuing a certificate from a page (谁记录谁证明): the volunteer, the period and, when the hours have more than one
 * organizer, the issuer; below it the register of the certificates issued in scope, each revocable with a reason.
 * Refusals are shown in place naming the field; certificates outside the scope answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:manage')")
@RequiredArgsConstructor
class CertificateController {

	/** The issue form as typed. */
	record IssueForm(String volunteerId, String from, String to, String issuerKind, String issuerId) {

		static final IssueForm EMPTY = new IssueForm(null, null, null, null, null);

	}

	private final Certificates certificates;

	private final VolunteerDirectory volunteers;

	@GetMapping("/volunteering/certificates/issue")
	ModelAndView page(@RequestParam(required = false) String issued, RegionScope scope) {
		ModelAndView mav = page(scope, IssueForm.EMPTY, List.of(), null);
		mav.addObject("issued", issued == null ? null : certificates.find(scope, issued).orElse(null));
		return mav;
	}

	@PostMapping("/volunteering/certificates/issue")
	ModelAndView issue(IssueForm form, RegionScope scope) {
		return PageForms.submit(() -> "/volunteering/certificates/issue?issued=" + certificates.issue(scope,
				new Certificates.IssueInput(PageForms.number("volunteerId", form.volunteerId()), form.from(),
						form.to(), blank(form.issuerKind()) ? null : form.issuerKind(),
						PageForms.number("issuerId", form.issuerId())))
			.number(), errors -> page(scope, form, errors, null));
	}

	@PostMapping("/volunteering/certificates/{number}/revoke")
	ModelAndView revoke(@PathVariable String number, @RequestParam(required = false) String reason,
			RegionScope scope) {
		return PageForms.submit(() -> {
			certificates.revoke(scope, number, reason);
			return "/volunteering/certificates/issue";
		}, errors -> page(scope, IssueForm.EMPTY, errors, number));
	}

	private ModelAndView page(RegionScope scope, IssueForm form, List<FieldError> errors, String revoking) {
		ModelAndView mav = PageForms.page("volunteering/certificate-issue", errors);
		mav.addObject("volunteers", volunteers.list(scope, 500));
		mav.addObject("kinds", OrganizerKind.values());
		mav.addObject("certificates", certificates.register(scope, null, null));
		mav.addObject("form", form);
		mav.addObject("revoking", revoking);
		return mav;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
