package org.wushe.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.wushe.shared.upload.UploadFilter;

/**
 * The body of an upload (a multipart request) is read only once its sender is known. Without this gate the CSRF check
 * would read a form's token out of the body, and with it the whole upload, before the request's Basic credentials are
 * checked, and for someone not signed in at all. So, ahead of the CSRF check, a multipart request from someone not
 * signed in has its Basic credentials checked now, by the chain's own Basic filter (same lock-out, same audit, same
 * 401 when they do not hold); without credentials it gets the answer every anonymous request gets, the login page or
 * 401 on {@code /api/**}, from the chain's own entry point. Neither reads the body. The upload size limit is checked
 * after this gate, for signed-in senders only.
 */
class AnonymousUploadGate extends UploadFilter {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private BasicAuthenticationFilter basic;

	private AuthenticationEntryPoint entryPoint;

	/** The chain's Basic filter and entry point, known only once the chain is built. */
	void answerLike(BasicAuthenticationFilter basic, AuthenticationEntryPoint entryPoint) {
		this.basic = basic;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (signedIn()) {
			chain.doFilter(request, response);
			return;
		}
		basic.doFilter(request, response, (checkedRequest, checkedResponse) -> {
			if (signedIn()) {
				chain.doFilter(checkedRequest, checkedResponse);
			}
			else {
				entryPoint.commence((HttpServletRequest) checkedRequest, (HttpServletResponse) checkedResponse,
						new InsufficientAuthenticationException("an upload needs a signed-in sender"));
			}
		});
	}

	private static boolean signedIn() {
		return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

}
