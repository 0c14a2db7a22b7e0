package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestDatabase;

/**
 * A 30 MB upload against the real server, where the multipart limit (20 MB) is enforced: the API answers a 413
 * ProblemDetail and an import page (htmx) an in-place message, both naming the limit. An upload from someone who is
 * not signed in is turned away as unauthenticated before its body is read. MockMvc cannot show this: it never applies
 * the servlet container's limit, and its request bodies are always complete.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@Tag("integration")
class UploadLimitTests {

	static final String LIMIT_TEXT = "20 MB";

	static final String BOUNDARY = "----wushe-upload-limit";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	String user;

	HttpClient http;

	@BeforeEach
	void setUp() {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void apiImportsAnswerA413ProblemNamingTheLimit() throws Exception {
		for (String path : List.of("/api/sites/import", "/api/volunteers/import")) {
			HttpResponse<String> answer = http.send(upload(path).header("Authorization", basic())
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(path).isEqualTo(413);
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.body()).as(path).contains("上传的文件超过 " + LIMIT_TEXT).contains("\"status\":413");
		}
	}

	@Test
	void importPagesShowTheLimitInPlace() throws Exception {
		for (String page : List.of("/sites/import", "/volunteers/import", "/workers/import")) {
			HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(page)).header("Authorization", basic())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(form.statusCode()).as(page).isEqualTo(200);
			HttpResponse<String> answer = http.send(upload(page).header("Authorization", basic())
				.header("HX-Request", "true")
				.header(meta(form.body(), "_csrf_header"), meta(form.body(), "_csrf"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(page).isEqualTo(422);
			assertThat(answer.body()).as(page)
				.contains("alert-danger")
				.contains("上传的文件超过 " + LIMIT_TEXT)
				.doesNotContain("<html");
		}
	}

	@Test
	void aPlainFormPostWithoutScriptsGetsTheErrorPageNamingTheLimit() throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/organizations/import"))
			.header("Authorization", basic())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> answer = http.send(upload("/organizations/import", meta(form.body(), "_csrf"))
			.header("Authorization", basic())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("<html").contains("上传的文件超过 " + LIMIT_TEXT);
	}

	/** A browser without scripts: signed in through the login form, the CSRF token a field of the upload. */
	@Test
	void aSignedInBrowserPostingAPlainFormGetsTheErrorPageNamingTheLimit() throws Exception {
		signIn();
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/organizations/import")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> answer = http.send(upload("/organizations/import", meta(form.body(), "_csrf")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("<html").contains("上传的文件超过 " + LIMIT_TEXT);
	}

	/**
	 * Nobody signed in: the server answers as it does to any anonymous request (the login page for pages, 401 for the
	 * API; 401 for credentials that do not hold) while not one byte of the announced file has been sent, so it has
	 * not waited for the body, let alone parsed it. That holds for an upload over the limit (30 MB, which must not get
	 * the 413 meant for users) and under it (10 MB, which a server reading the body would wait for).
	 */
	@Test
	void anUploadFromNobodySignedInIsTurnedAwayBeforeItsBodyIsRead() throws Exception {
		String wrong = "Authorization: Basic " + base64("nobody:wrong-password") + "\r\n";
		for (long megabytes : List.of(30L, 10L)) {
			for (String page : List.of("/sites/import", "/organizations/import")) {
				String answer = answerWithoutBody(page, megabytes, "Accept: text/html\r\n");
				assertThat(answer).as(page + " " + megabytes + " MB").startsWith("HTTP/1.1 302");
				assertThat(header(answer, "Location")).as(page).endsWith("/login");
				answer = answerWithoutBody(page, megabytes, "Accept: text/html\r\n" + wrong);
				assertThat(answer).as(page + " " + megabytes + " MB, wrong credentials").startsWith("HTTP/1.1 401");
				assertThat(header(answer, "WWW-Authenticate")).as(page).startsWith("Basic");
			}
			for (String credentials : List.of("", wrong)) {
				for (String api : List.of("/api/sites/import", "/api/volunteers/import")) {
					String answer = answerWithoutBody(api, megabytes, "Accept: application/json\r\n" + credentials);
					assertThat(answer).as(api + " " + megabytes + " MB " + credentials).startsWith("HTTP/1.1 401");
					assertThat(header(answer, "Content-Type")).as(api).startsWith("application/problem+json");
				}
			}
		}
	}

	/**
	 * Sends the head of a multipart POST announcing {@code megabytes} (headers and the first part's header, none of
	 * the file) and answers the status line and headers of the reply; fails if the server waits for the body instead.
	 */
	private String answerWithoutBody(String path, long megabytes, String extraHeaders) throws IOException {
		String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n\r\n";
		String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
				+ "Content-Length: " + megabytes * 1024 * 1024 + "\r\n" + extraHeaders + "\r\n" + part;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			try {
				while (answer.indexOf("\r\n\r\n") < 0) {
					int b = in.read();
					if (b < 0) {
						break;
					}
					answer.append((char) b);
				}
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError(path + ": no answer within 10 s; the server waited for the upload's body", ex);
			}
			return answer.toString();
		}
	}

	private static String header(String answer, String name) {
		Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.*?)\r?$").matcher(answer);
		assertThat(m.find()).as(name + " in " + answer).isTrue();
		return m.group(1);
	}

	/** Signs in through the login form, as a browser does; the cookie manager keeps the session. */
	private void signIn() throws Exception {
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(token.find()).as("the login form's CSRF field").isTrue();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(target -> assertThat(target).doesNotContain("error"));
	}

	private HttpRequest.Builder upload(String path) {
		return upload(path, null);
	}

	/** A multipart POST of a 30 MB "workbook" to {@code path}, with the CSRF token as a form field if given. */
	private HttpRequest.Builder upload(String path, String csrfField) {
		String token = csrfField == null ? ""
				: "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfField + "\r\n";
		byte[] head = (token + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nALL\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		List<byte[]> parts = new ArrayList<>();
		parts.add(head);
		for (int i = 0; i < 30; i++) {
			parts.add(new byte[1024 * 1024]);
		}
		parts.add(tail);
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private String basic() {
		return "Basic " + base64(user + ":" + TestAccounts.PASSWORD);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String meta(String html, String name) {
		Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as(name).isTrue();
		return m.group(1);
	}

}
