package org.wushe.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are in the templates. Spring's resource URL rewriting (which would turn
 * {@code /webjars/bootstrap/css/bootstrap.min.css} into a versioned path) looks every link of every page up on the
 * class path and caches only the links it can resolve: each navigation, form and page link meant scanning the jars
 * again, under a lock per jar, on every request; the dashboard page spent most of its time there. The version-agnostic
 * WebJars paths are served as they are, so the rewriting is switched off.
 */
@Configuration
class ResourceLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		off.setEnabled(false);
		return off;
	}

}
