package org.wushe.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} calls (and metrics scrapes, {@code /actuator/**}) that carry {@code Authorization: Bearer <token>} with an {@link ApiTokens API
 * token}: the call acts as the token's account, narrowed to the token's permissions, and leaves no session behind.
 * Every use is audited under the token's name ({@code api.token.use}); every refusal too ({@code api.token.refused}):
 * an unknown, expired or revoked token, or a locked account, answers 401; a call from an address the token does not
 * allow, or one that needs a permission the token lacks, answers 403.
 */
@RequiredArgsConstructor
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final ApiProblemHandler problems;

	private final Clock clock;

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(SecurityConfig.API.matches(request) || request.getRequestURI().startsWith("/actuator/"))
				|| !hasBearer(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = request.getHeader("Authorization").substring(BEARER.length()).strip();
		String address = request.getRemoteAddr();
		String call = request.getMethod() + " " + request.getRequestURI();
		Optional<ApiTokens.Checked> checked = secret.startsWith(ApiTokens.PREFIX) ? tokens.check(secret)
				: Optional.empty();
		if (checked.isEmpty()) {
			tokens.audit("api.token.refused", null, address, "unknown " + call);
			problems.commence(request, response, new BadCredentialsException("unknown token"));
			return;
		}
		ApiTokens.Token token = checked.get().token();
		CurrentUser user = checked.get().user();
		String refusal = token.revokedAt() != null ? "revoked"
				: !token.expiresAt().isAfter(Instant.now(clock)) ? "expired"
						: !user.isEnabled() || !user.isAccountNonLocked() ? "account" : null;
		if (refusal != null) {
			tokens.audit("api.token.refused", token, address, refusal + " " + call);
			problems.commence(request, response, new BadCredentialsException(refusal));
			return;
		}
		if (!token.allows(address)) {
			tokens.audit("api.token.refused", token, address, "address " + call);
			problems.handle(request, response, new AccessDeniedException("address"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
			int status = response.getStatus();
			if (status == HttpServletResponse.SC_FORBIDDEN) {
				tokens.audit("api.token.refused", token, address, "permission " + call);
			}
			else {
				tokens.audit("api.token.use", token, address, call + " " + status);
			}
		}
	}

}
