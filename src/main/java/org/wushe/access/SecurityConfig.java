package org.wushe.access;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One filter chain for pages (form login with CSRF) and {@code /api/**} (HTTP Basic or the browser session). API
 * failures go through the MVC exception resolver so that they answer with the same {@code ProblemDetail} as every
 * other API error. Uploads pass the {@link AnonymousUploadGate} right after the security headers, so that nothing
 * reads their body before the sender is known; the web module's upload size check comes after it, just before the
 * CSRF check.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	static final RequestMatcher API = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/");

	/**
	 * Scripts authenticate each API call with Basic or an API token (Bearer); such calls carry no session cookie, so no
	 * CSRF token either.
	 */
	static final RequestMatcher API_WITH_BASIC = request -> API.matches(request)
			&& request.getHeader("Authorization") != null
			&& (request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6)
					|| BearerTokenFilter.hasBearer(request));

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationProvider authenticationProvider(AccountService accounts, PasswordEncoder encoder) {
		UserDetailsService users = username -> accounts.loadUser(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return provider;
	}

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, LocaleResolver locales,
			ApiTokens tokens, Clock clock) throws Exception {
		ApiProblemHandler problems = new ApiProblemHandler(resolver, locales);
		AnonymousUploadGate uploads = new AnonymousUploadGate();
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/public/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAuthority(Permissions.METRICS_VIEW)
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.httpBasic(basic -> basic.realmName("Wushe").authenticationEntryPoint(problems))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problems, API)
				.defaultAccessDeniedHandlerFor(problems, API))
			.csrf(csrf -> csrf.ignoringRequestMatchers(API_WITH_BASIC))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
								+ "script-src 'self' 'unsafe-eval'; object-src 'none'; frame-ancestors 'none'; "
								+ "base-uri 'self'; form-action 'self'"))
				.referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()))
			.addFilterAfter(uploads, HeaderWriterFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clock), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeGate(problems), AuthorizationFilter.class);
		DefaultSecurityFilterChain chain = http.build();
		uploads.answerLike(filter(chain, BasicAuthenticationFilter.class),
				filter(chain, ExceptionTranslationFilter.class).getAuthenticationEntryPoint());
		return chain;
	}

	private static <F> F filter(SecurityFilterChain chain, Class<F> type) {
		return chain.getFilters().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

}
