package org.wushe.volunteering.web;

import java.net.URI;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.CertificatePdf;
import org.wushe.volunteering.Certificates;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/certificates}: issue, the register per issuer, the A4 PDF and revocation. Reads need
 * {@code volunteering:view}, writes {@code volunteering:manage}; certificates outside the caller's scope answer 404.
 */
@RestController
@PreAuthorize("hasAuthority('volunteering:view')")
@Tag(name = "Certificates", description = "Volunteer service certificates")
@RequiredArgsConstructor
class CertificateApi {

	record ReasonInput(String reason) {
	}

	private final Certificates certificates;

	private final CertificatePdf pdf;

	@PostMapping("/api/certificates")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<Certificates.Certificate> issue(@RequestBody Certificates.IssueInput in, RegionScope scope) {
		Certificates.Certificate c = certificates.issue(scope, in);
		return ResponseEntity.created(URI.create("/api/certificates/" + c.number())).body(c);
	}

	@GetMapping("/api/certificates")
	List<Certificates.Certificate> register(@RequestParam(required = false) String issuerKind,
			@RequestParam(required = false) Long issuerId, RegionScope scope) {
		return certificates.register(scope, issuerKind, issuerId);
	}

	@GetMapping("/api/certificates/{number}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number, RegionScope scope) {
		Certificates.Certificate c = certificates.get(scope, number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(number + ".pdf").build().toString())
			.body(pdf.render(c, certificates.publicUrl(number)));
	}

	@GetMapping("/api/certificates/{number}")
	Certificates.Certificate one(@PathVariable String number, RegionScope scope) {
		return certificates.get(scope, number);
	}

	@PostMapping("/api/certificates/{number}/revoke")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	Certificates.Certificate revoke(@PathVariable String number, @RequestBody(required = false) ReasonInput in,
			RegionScope scope) {
		return certificates.revoke(scope, number, in == null ? null : in.reason());
	}

}
