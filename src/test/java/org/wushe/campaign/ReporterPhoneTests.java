package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestCampaigns;

/**
 * A report's 填报人手机号码 is personal data: stored encrypted, masked for everyone, shown in full only to a viewer with
 * {@code personal-data:view} through an audited read, and checked as a mainland phone number.
 */
@IntegrationTest
class ReporterPhoneTests {

	static final String PHONE = "13812345678";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	String province;

	String hohhot;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		hohhot = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		Instant now = Instant.now(clock);
		campaign = TestCampaigns.createCurrent(mvc, province, "phones", LocalDate.now(clock),
				now.plus(31, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
	}

	ResultActions submit(String phone) throws Exception {
		return mvc.perform(post("/api/campaigns/{id}/reports/1/submit", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(hohhot))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reporter\": \"王五\", \"reporterPhone\": \"%s\"}".formatted(phone)));
	}

	List<Map<String, Object>> storedVersions() {
		return jdbc.sql("""
				SELECT v.* FROM progress_report_version v JOIN progress_report r ON r.id = v.report_id
				WHERE r.campaign_id = :c ORDER BY v.version
				""").param("c", campaign).query().listOfRows();
	}

	@Test
	void theDatabaseHoldsNoClearPhone() throws Exception {
		submit("138 1234 5678").andExpect(status().isOk());
		List<Map<String, Object>> rows = storedVersions();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).keySet()).noneMatch(k -> k.equalsIgnoreCase("reporter_phone"));
		assertThat(rows.get(0).values()).noneMatch(v -> v != null && v.toString().contains(PHONE))
			.noneMatch(v -> v != null && v.toString().contains("1234 5678"));
		assertThat(rows.get(0)).containsEntry(key(rows.get(0), "reporter_phone_masked"), "138****5678");
	}

	@Test
	void aLeaderSeesTheMaskedPhoneOnlyAndCannotRevealIt() throws Exception {
		submit(PHONE).andExpect(status().isOk()).andExpect(jsonPath("$.versions[0].reporterPhone").value("138****5678"));
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/api/campaigns/{id}/reports/1", campaign).param("region", "1501")
			.with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versions[0].reporterPhone").value("138****5678"))
			.andExpect(content().string(not(containsString(PHONE))));
		mvc.perform(get("/campaigns/{id}/reports/1", campaign).param("region", "1501").with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(PHONE))));
		mvc.perform(get("/api/campaigns/{id}/reports/1/versions/1/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		assertThat(views(leader)).isZero();
	}

	@Test
	void staffWithThePermissionSeeTheFullPhoneAndTheReadIsAudited() throws Exception {
		submit(PHONE).andExpect(status().isOk());
		assertThat(views(hohhot)).isZero();
		mvc.perform(get("/api/campaigns/{id}/reports/1/versions/1/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(hohhot)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reporterPhone").value(PHONE));
		assertThat(views(hohhot)).isEqualTo(1);
		// a sibling region's staff cannot reach it
		String baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(get("/api/campaigns/{id}/reports/1/versions/1/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(baotou))).andExpect(status().isNotFound());
		assertThat(views(baotou)).isZero();
	}

	@Test
	void theMaskedPhoneSentBackKeepsThePhoneAndABadOneIsRefused() throws Exception {
		submit(PHONE).andExpect(status().isOk());
		submit("138****5678").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
		mvc.perform(get("/api/campaigns/{id}/reports/1/versions/2/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(hohhot))).andExpect(jsonPath("$.reporterPhone").value(PHONE));
		submit("139****5678").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reporterPhone"));
		submit("12345").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reporterPhone"))
			.andExpect(content().string(containsString("填报人手机号码")));
		assertThat(storedVersions()).hasSize(2);
	}

	@Test
	void theReportPageRevealsTheFullPhoneToPermittedStaffOnly() throws Exception {
		submit(PHONE).andExpect(status().isOk());
		String button = "/campaigns/" + campaign + "/reports/1/versions/1/reporter-phone?region=1501";
		mvc.perform(get("/campaigns/{id}/reports/1", campaign).param("region", "1501").with(TestAccounts.as(hohhot)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("138****5678")))
			.andExpect(content().string(containsString(button)))
			.andExpect(content().string(not(containsString(PHONE))));
		mvc.perform(get("/campaigns/{id}/reports/1/versions/1/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(hohhot)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reporter-phone-1\"")))
			.andExpect(content().string(containsString(PHONE)));
		assertThat(views(hohhot)).isEqualTo(1);
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/campaigns/{id}/reports/1", campaign).param("region", "1501").with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("138****5678")))
			.andExpect(content().string(not(containsString("/reporter-phone"))));
		mvc.perform(get("/campaigns/{id}/reports/1/versions/1/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		String baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(get("/campaigns/{id}/reports/1/versions/1/reporter-phone", campaign).param("region", "1501")
			.with(TestAccounts.as(baotou))).andExpect(status().isNotFound());
		assertThat(views(leader) + views(baotou)).isZero();
	}

	@Test
	void theProgressTableHoldsTheFullPhoneOnlyWhenPermittedStaffAskForIt() throws Exception {
		submit(PHONE).andExpect(status().isOk());
		assertThat(exported(hohhot, false)).contains("138****5678").doesNotContain(PHONE);
		assertThat(views(hohhot)).isZero();
		assertThat(exported(hohhot, true)).contains(PHONE).doesNotContain("138****5678");
		assertThat(views(hohhot)).isEqualTo(1);
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", campaign).param("region", "1501")
			.param("full", "true")
			.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		assertThat(views(leader)).isZero();
		// the report page offers the full export only to those allowed to see it
		mvc.perform(get("/campaigns/{id}/reports/1", campaign).param("region", "1501").with(TestAccounts.as(hohhot)))
			.andExpect(content().string(containsString("export-table-full")));
		mvc.perform(get("/campaigns/{id}/reports/1", campaign).param("region", "1501").with(TestAccounts.as(leader)))
			.andExpect(content().string(not(containsString("export-table-full"))));
	}

	/** Every text cell of the exported 附件1, joined. */
	String exported(String user, boolean full) throws Exception {
		MvcResult started = mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", campaign).param("region", "1501")
			.param("full", String.valueOf(full))
			.with(TestAccounts.as(user))).andExpect(request().asyncStarted()).andReturn();
		byte[] bytes = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row row : wb.getSheetAt(0)) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						text.append(cell.getStringCellValue()).append('\n');
					}
				}
			}
		}
		return text.toString();
	}

	long views(String user) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.view' AND actor = :a")
			.param("a", user)
			.query(Long.class)
			.single();
	}

	static String key(Map<String, Object> row, String name) {
		return row.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
	}

}
