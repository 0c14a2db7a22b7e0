package org.wushe.site;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl the address the public reaches Wushe under ({@code https://wushe.example.gov.cn}), used in the
 * placards' QR codes; without it, placards cannot be printed and other links are paths on this server
 */
@ConfigurationProperties("wushe.site")
record SiteProperties(String publicBaseUrl) {

	SiteProperties {
		publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
		if (!publicBaseUrl.isEmpty() && !publicBaseUrl.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?(/[^\\s]*)?")) {
			throw new IllegalArgumentException(
					"wushe.site.public-base-url must be an http(s) address such as https://wushe.example.gov.cn");
		}
	}

}
