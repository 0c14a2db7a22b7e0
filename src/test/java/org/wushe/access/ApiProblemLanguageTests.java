package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.region.RegionCode;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestDatabase;

/**
 * Security answers on {@code /api/**} are written before the DispatcherServlet; over real HTTP they still speak the
 * user's language as pages do: Chinese by default, whatever the client's Accept-Language, English after choosing it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@Tag("integration")
class ApiProblemLanguageTests {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	MessageSource messages;

	@Test
	void unauthenticatedAnswerIsChinese() throws Exception {
		HttpResponse<String> response = get("/api/regions/15", null, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains(text("error.unauthenticated", Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void passwordChangeRequiredAnswerIsChinese() throws Exception {
		String username = mustChange();
		HttpResponse<String> response = get("/api/regions/15", basic(username), null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains(text("access.password.change-required", Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void theChosenLanguageIsKept() throws Exception {
		String username = mustChange();
		HttpResponse<String> response = get("/api/regions/15", basic(username), "wushe-lang=en");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains(text("access.password.change-required", Locale.ENGLISH));
	}

	private String mustChange() {
		String username = "must-change-" + System.nanoTime() % 1_000_000;
		accounts.createSystemAccount(username, username, new RegionCode("150102"), Role.COUNTY_STAFF,
				TestAccounts.PASSWORD, true);
		return username;
	}

	private HttpResponse<String> get(String path, String authorization, String cookie)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", "en-US,en;q=0.9");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
