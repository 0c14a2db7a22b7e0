package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A volunteer's hours statement and a time-bank account's statement, as Excel (the shared writer) and as PDF (the
 * certificates' font): every record or posting, the confirmed total; a sibling county and a township below get 404,
 * a read-only leader reads them, a bad date gets 400 naming the field.
 */
@IntegrationTest
class StatementApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	long volunteer;

	long account;

	String name;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		VolunteeringFixtures f = new VolunteeringFixtures(mvc, user);
		volunteer = f.volunteer("150102001");
		long project = f.project("150102", f.create("/api/volunteer-teams",
				"{\"name\":\"对账队\",\"regionCode\":\"150102\"}"), true);
		f.confirm(f.hours(project, volunteer, 4, 9, 90));
		f.confirm(f.hours(project, volunteer, 3, 9, 30));
		f.hours(project, volunteer, 2, 9, 45);
		account = jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v").param("v", volunteer)
			.query(Long.class).single();
		name = jdbc.sql("SELECT name FROM volunteer WHERE id = :id").param("id", volunteer).query(String.class)
			.single();
	}

	byte[] download(String path, Object id, String as) throws Exception {
		return mvc.perform(get(path, id).with(TestAccounts.as(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static String text(byte[] pdf) throws Exception {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	@Test
	void theHoursStatementListsEveryRecordWithTheConfirmedTotal() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
				download("/api/volunteers/{id}/hours.xlsx", volunteer, user)))) {
			XSSFSheet sheet = wb.getSheetAt(0);
			StringBuilder all = new StringBuilder();
			sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
			assertThat(all.toString()).contains("已确认", "待确认", "90.0", "30.0", "45.0");
		}
		String pdf = text(download("/api/volunteers/{id}/hours.pdf", volunteer, user));
		assertThat(pdf).contains(name).contains("120 分钟").contains("待确认");
		mvc.perform(get("/api/volunteers/{id}/hours.pdf", volunteer).param("from", "去年").with(TestAccounts.as(user)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void theAccountStatementListsEveryPosting() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
				download("/api/timebank/accounts/{id}/statement.xlsx", account, user)))) {
			StringBuilder all = new StringBuilder();
			wb.getSheetAt(0).forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
			assertThat(all.toString()).contains("存入", "90.0", "120.0");
		}
		String pdf = text(download("/api/timebank/accounts/{id}/statement.pdf", account, user));
		// (the text layer may give 入 as the look-alike radical ⼊: the font draws both with one glyph)
		assertThat(pdf).contains("当前余额 120 分钟").contains("90 90").contains("30 120");
	}

	@Test
	void aSiblingOrATownshipBelowGetsNotFoundAndALeaderReads() throws Exception {
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102002");
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		List<String> volunteerPaths = List.of("/api/volunteers/{id}/hours.xlsx", "/api/volunteers/{id}/hours.pdf");
		List<String> accountPaths = List.of("/api/timebank/accounts/{id}/statement.xlsx",
				"/api/timebank/accounts/{id}/statement.pdf");
		for (String as : List.of(sibling, township)) {
			for (String p : volunteerPaths) {
				mvc.perform(get(p, volunteer).with(TestAccounts.as(as))).andExpect(status().isNotFound());
			}
			for (String p : accountPaths) {
				mvc.perform(get(p, account).with(TestAccounts.as(as))).andExpect(status().isNotFound());
			}
		}
		for (String p : volunteerPaths) {
			download(p, volunteer, leader);
		}
		for (String p : accountPaths) {
			download(p, account, leader);
		}
	}

}
