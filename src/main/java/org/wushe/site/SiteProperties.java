package org.wushe.site;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl the address the public reaches Wushe under ({@code https://wushe.example.gov.cn}), used in the
 * placards' QR codes; empty to take it from the request
 */
@ConfigurationProperties("wushe.site")
record SiteProperties(String publicBaseUrl) {

	SiteProperties {
		publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
	}

}
