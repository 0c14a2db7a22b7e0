package org.wushe.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first; {@code ?lang=en} switches to English and a cookie remembers the choice.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

	WebConfig() {
		// also the locale of answers written before the DispatcherServlet (security filters)
		LocaleContextHolder.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("wushe-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * The upload size check runs inside the security filter chain: after the session's sign-in is known and the
	 * access module has turned away uploads from anyone not signed in, before the CSRF check reads a form's token from
	 * the body.
	 */
	@Bean
	Customizer<HttpSecurity> uploadLimit(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
			@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		UploadLimitFilter filter = new UploadLimitFilter(resolver, views, locales, maxFileSize);
		return http -> http.addFilterBefore(filter, CsrfFilter.class);
	}

	/** Malformed query strings are refused before anything reads a parameter (see {@link QueryStringFilter}). */
	@Bean
	FilterRegistrationBean<QueryStringFilter> queryStringFilter(
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
			@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
		var registration = new FilterRegistrationBean<>(
				new QueryStringFilter(new FilterAnswers(resolver, views, locales)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(InputHygiene.cleanParameters());
	}

}
