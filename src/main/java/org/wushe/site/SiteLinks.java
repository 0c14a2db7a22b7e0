package org.wushe.site;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute addresses of the public pages, for QR codes and for staff to pass on. */
@Component
class SiteLinks {

	private final SiteProperties properties;

	SiteLinks(SiteProperties properties) {
		this.properties = properties;
	}

	/** The public page of site {@code id}: under the configured public address, else the one of this request. */
	String publicUrl(long id) {
		String base = properties.publicBaseUrl().isEmpty()
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
				: properties.publicBaseUrl();
		return base + "/public/sites/" + id;
	}

}
