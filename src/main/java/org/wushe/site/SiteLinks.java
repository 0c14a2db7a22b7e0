package org.wushe.site;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wushe.shared.BusinessException;

/**
 * Addresses of the public pages, for QR codes and for staff to pass on. They never follow the request's Host header,
 * which any client can set: a printed placard must not carry someone else's domain.
 */
@Component
@RequiredArgsConstructor
class SiteLinks {

	private final SiteProperties properties;

	/**
	 * The public page of the site with opaque id {@code publicId}: under the configured public address, else as a path
	 * on this server.
	 */
	String publicUrl(String publicId) {
		return properties.publicBaseUrl() + "/public/sites/" + publicId;
	}

	/**
	 * The address a placard's QR code carries: only under the configured public address
	 * ({@code wushe.site.public-base-url}); without it a placard cannot be printed, and the answer says so.
	 */
	String placardUrl(String publicId) {
		if (properties.publicBaseUrl().isEmpty()) {
			throw new BusinessException(HttpStatus.CONFLICT, "site.placard.no-public-url");
		}
		return publicUrl(publicId);
	}

}
