package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.support.RawHttp;
import org.wushe.support.TestDatabase;

/**
 * Over real HTTP (the container parses the query string and writes the cookies, not a mock): a malformed {@code %}
 * escape anywhere in a query string answers 400 naming the parameter, signed in or not, on pages and on the API,
 * without a stack trace in the log; a direct request for the error page answers 404, not 500. Behind an HTTPS proxy
 * (forwarded headers enabled as in the deployment notes) answers carry HSTS and the session cookie is Secure.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
@ActiveProfiles(resolver = TestDatabase.class)
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgeTests {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void malformedEscapesAnswer400NamingTheParameter(CapturedOutput output) throws Exception {
		String escape = messages.getMessage("error.query-escape-invalid", null, Locale.SIMPLIFIED_CHINESE);
		for (String path : List.of("/login?x=%ZZ", "/public/articles?x=%ZZ", "/api/sites?x=%ZZ",
				"/api/sites?lang=%E4%B8", "/login?lang=en&q=%", "/public/sites/1?%G1=1", "/?x=%C0%AF")) {
			RawHttp.Answer response = RawHttp.get(port, path, "Accept-Language: en");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains(escape);
			if (path.startsWith("/api/")) {
				assertThat(response.header("Content-Type")).startsWith("application/problem+json");
				assertThat(response.body()).contains("\"field\"");
			}
		}
		assertThat(output.getAll()).doesNotContain("Exception").doesNotContain("\tat org.");
	}

	@Test
	void wellFormedEscapesPass() throws Exception {
		assertThat(get("/login?x=%E4%B8%AD&lang=zh_CN", null).statusCode()).isEqualTo(200);
		assertThat(get("/login?lang=%21%21", null).statusCode()).isEqualTo(200);
	}

	@Test
	void theErrorPageIsNotAnAddress(CapturedOutput output) throws Exception {
		for (String path : List.of("/error", "/error?x=1", "/error/")) {
			assertThat(get(path, null).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(get("/api/sites", null).statusCode()).isEqualTo(401);
		assertThat(output.getAll()).doesNotContain("Exception");
	}

	@Test
	void anAcceptHeaderNothingMatchesIsNotAServerError() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/articles"))
			.header("Accept", "application/x-nothing")
			.build();
		int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
		assertThat(status).isLessThan(500);
	}

	@Test
	void behindAnHttpsProxyAnswersAreStrict() throws Exception {
		RawHttp.Answer proxied = RawHttp.get(port, "/login", "X-Forwarded-Proto: https", "X-Forwarded-Port: 443");
		assertThat(proxied.status()).isEqualTo(200);
		assertThat(proxied.header("Strict-Transport-Security")).contains("max-age=");
		assertThat(proxied.header("Set-Cookie")).contains("JSESSIONID").contains("Secure").contains("HttpOnly");
		// plain HTTP (e.g. a health check on the internal network) gets neither
		RawHttp.Answer plain = RawHttp.get(port, "/login");
		assertThat(plain.header("Strict-Transport-Security")).isNull();
		assertThat(plain.header("Set-Cookie")).doesNotContain("Secure");
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
