package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * Certificates: numbered in sequence per issuer and year, an A4 PDF with the Chinese font embedded as a subset and a
 * QR code to the public page under the configured public address (not the request's Host), the public page without
 * login, revocation with a reason, and refusals naming the field.
 */
@IntegrationTest
@TestPropertySource(properties = "wushe.site.public-base-url=https://wushe.example.gov.cn/")
class CertificateApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String user;

	VolunteeringFixtures f;

	long volunteer;

	long team;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		f = new VolunteeringFixtures(mvc, user);
		volunteer = f.volunteer("150102001");
		team = f.team("150102001");
		long project = f.project("150102001", team, false);
		f.confirm(f.hours(project, volunteer, 3, 9, 90));
		f.confirm(f.hours(project, volunteer, 2, 9, 45));
		f.hours(project, volunteer, 1, 9, 30); // not confirmed: not certified
	}

	String issue() throws Exception {
		String json = mvc.perform(post("/api/certificates").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"volunteerId":%d,"from":"%s","to":"%s"}""".formatted(volunteer, LocalDate.now().minusDays(30),
					LocalDate.now())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.minutes").value(135))
			.andExpect(jsonPath("$.issuerKind").value("TEAM"))
			.andExpect(jsonPath("$.idNumberMasked").value(containsString("*")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.number");
	}

	@Test
	void numbersRunInSequencePerIssuerAndYear() throws Exception {
		String first = issue();
		String second = issue();
		String prefix = "T" + team + "-" + LocalDate.now().getYear() + "-";
		assertThat(first).isEqualTo(prefix + "00001");
		assertThat(second).isEqualTo(prefix + "00002");
		mvc.perform(get("/api/certificates").param("issuerKind", "TEAM").param("issuerId", Long.toString(team))
			.with(TestAccounts.as(user))).andExpect(jsonPath("$.length()").value(2));
	}

	@Test
	void thePdfEmbedsTheChineseFontAndLeadsToThePublicPage() throws Exception {
		String number = issue();
		byte[] pdf = mvc.perform(get("/api/certificates/{n}.pdf", number).header("Host", "evil.example")
			.with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(pdf.length).as("a subset, not the whole 10 MB font").isLessThan(200_000);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
			PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).contains("NotoSansSC").matches("[A-Z]{6}\\+.*");
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("志愿服务证明", number, "2.3")
				.contains("https://wushe.example.gov.cn/public/certificates/" + number)
				.doesNotContain("evil.example");
		}
	}

	@Test
	void thePublicPageShowsTheFactsWithoutLoginAndRevocation() throws Exception {
		String number = issue();
		mvc.perform(get("/public/certificates/{n}", number))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("本证明有效")))
			.andExpect(content().string(containsString("*")));
		mvc.perform(post("/api/certificates/{n}/revoke", number).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/certificates/{n}/revoke", number).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"时长记录有误\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.revokeReason").value("时长记录有误"));
		mvc.perform(post("/api/certificates/{n}/revoke", number).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"再次\"}")).andExpect(status().isConflict());
		mvc.perform(get("/public/certificates/{n}", number))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已撤销")))
			.andExpect(content().string(containsString("时长记录有误")))
			.andExpect(content().string(not(containsString("本证明有效"))));
		mvc.perform(get("/public/certificates/{n}", "T0-2000-99999")).andExpect(status().isNotFound());
	}

	@Test
	void aCertificateNeedsConfirmedHoursInThePeriod() throws Exception {
		mvc.perform(post("/api/certificates").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"volunteerId":%d,"from":"2001-01-01","to":"2001-12-31"}""".formatted(volunteer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.detail").value(containsString("没有")));
		mvc.perform(post("/api/certificates").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("志愿者")));
		String other = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String number = issue();
		for (var r : java.util.List.of(get("/api/certificates/{n}.pdf", number), get("/api/certificates/{n}", number),
				post("/api/certificates/{n}/revoke", number).contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"x\"}"))) {
			mvc.perform(r.with(TestAccounts.as(other))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/certificates").with(TestAccounts.as(other)))
			.andExpect(content().string(not(containsString(number))));
	}

}
