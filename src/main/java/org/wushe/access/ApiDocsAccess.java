package org.wushe.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The API documentation ({@code /api/docs}) is for signed-in users unless {@code wushe.api-docs.public=true} opens it
 * to anyone (a test or development server); a production server does not show its API to strangers.
 */
@Configuration
class ApiDocsAccess {

	@Bean
	Customizer<HttpSecurity> apiDocs(@Value("${wushe.api-docs.public:false}") boolean open) {
		return http -> {
			if (open) {
				http.authorizeHttpRequests(auth -> auth.requestMatchers("/api/docs", "/api/docs/**").permitAll());
			}
		};
	}

}
