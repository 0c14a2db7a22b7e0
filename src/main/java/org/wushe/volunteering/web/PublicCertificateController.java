package org.wushe.volunteering.web;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.wushe.shared.BusinessException;
import org.wushe.volunteering.Certificates;

/**
 * {@code /public/certificates/{number}}, without login: what the QR code on a certificate leads to. It shows the
 * certificate's facts, the volunteer's name in full and the ID number masked, and whether it has been revoked.
 */
@Controller
@RequiredArgsConstructor
class PublicCertificateController {

	private final Certificates certificates;

	@GetMapping("/public/certificates/{number}")
	String show(@PathVariable String number, Model model) {
		model.addAttribute("certificate", certificates.findPublic(number)
			.orElseThrow(() -> BusinessException.notFound("volunteering.certificate.unknown", number)));
		return "volunteering/public-certificate";
	}

}
