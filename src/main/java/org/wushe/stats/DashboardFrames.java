package org.wushe.stats;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The layout around the dashboard body (navigation with the user's menu and name, the language switch, the logout
 * form with its CSRF token, the footer) for one session, rendered once by the ordinary view and reused for the
 * session's next dashboard pages while the user, the language and the session's CSRF token are the same. A request
 * then writes bytes only: the frame's head, the region's name for the title, the middle, the reused body, the tail.
 * <p>
 * The frame lives in the session it was rendered for, so it never reaches another user. A page with a flash message,
 * or without a session, is rendered by the view every time.
 */
@Component
class DashboardFrames {

	/** Stand-ins rendered in place of the title's region name and of the body; cut out again afterwards. */
	private static final String MARKER = "wushe" + UUID.randomUUID().toString().replace("-", "");

	private static final String TITLE_MARKER = MARKER + "t";

	private static final String BODY_MARKER = MARKER + "b";

	private static final String SESSION_KEY = DashboardFrames.class.getName();

	/** The same repository (and session attribute) as the security configuration's default. */
	private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	private final ViewResolver views;

	DashboardFrames(@Qualifier("thymeleafViewResolver") ViewResolver views) {
		this.views = views;
	}

	/** A rendered layout cut around the title's region name and the body. */
	record Frame(String user, Locale locale, String csrfToken, byte[] head, byte[] middle, byte[] tail)
			implements Serializable {
	}

	/**
	 * Writes the page: the session's frame (rendered now if it has none that fits) around the title and the body.
	 * Returns {@code false} when the page must go through the view instead (a flash message to show).
	 */
	boolean write(Map<String, Object> model, DashboardPages.Body body, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (model.containsKey("flash")) {
			return false;
		}
		Frame frame = frame(model, locale, request, response);
		byte[] title = HtmlUtils.htmlEscape(body.regionName()).getBytes(StandardCharsets.UTF_8);
		byte[] html = body.bytes();
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(frame.head().length + title.length + frame.middle().length + html.length
				+ frame.tail().length);
		var out = response.getOutputStream();
		out.write(frame.head());
		out.write(title);
		out.write(frame.middle());
		out.write(html);
		out.write(frame.tail());
		return true;
	}

	private Frame frame(Map<String, Object> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		String user = user();
		CsrfToken token = session == null ? null : csrfTokens.loadToken(request);
		if (session != null && token != null && session.getAttribute(SESSION_KEY) instanceof Frame f
				&& f.user().equals(user) && f.locale().equals(locale) && f.csrfToken().equals(token.getToken())) {
			return f;
		}
		Frame fresh = render(model, user, locale, request, response);
		session = request.getSession(false);
		if (session != null && fresh.csrfToken() != null) {
			session.setAttribute(SESSION_KEY, fresh);
		}
		return fresh;
	}

	private Frame render(Map<String, Object> model, String user, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Map<String, Object> withMarkers = new HashMap<>(model);
		withMarkers.put("regionName", TITLE_MARKER);
		withMarkers.put("body", BODY_MARKER);
		Capture capture = new Capture(response);
		try {
			View view = views.resolveViewName(StatsController.VIEW, locale);
			if (view == null) {
				throw new IllegalStateException("no view " + StatsController.VIEW);
			}
			view.render(withMarkers, request, capture);
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		String page = capture.text();
		int title = page.indexOf(TITLE_MARKER);
		int body = page.indexOf(BODY_MARKER);
		if (title < 0 || body < title) {
			throw new IllegalStateException("the dashboard layout lost its title or body");
		}
		CsrfToken token = csrfTokens.loadToken(request);
		return new Frame(user, locale, token == null ? null : token.getToken(),
				page.substring(0, title).getBytes(StandardCharsets.UTF_8),
				page.substring(title + TITLE_MARKER.length(), body).getBytes(StandardCharsets.UTF_8),
				page.substring(body + BODY_MARKER.length()).getBytes(StandardCharsets.UTF_8));
	}

	private static String user() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "" : auth.getName();
	}

	/** The view's output kept as text instead of being sent. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final CharArrayWriter text = new CharArrayWriter(8192);

		private final PrintWriter writer = new PrintWriter(text);

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public void flushBuffer() {
			writer.flush();
		}

		@Override
		public void setContentLength(int len) {
			// the real length is set when the page is written
		}

		String text() {
			writer.flush();
			return text.toString();
		}

	}

}
