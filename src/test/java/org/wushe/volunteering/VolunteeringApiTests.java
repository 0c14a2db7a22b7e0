package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * Teams, projects and hours through the API: the attendance sheet is all or nothing, overlaps name the clashing
 * record, confirmed records are final, reversals happen once, and confirmed time-bank hours reach the volunteer's
 * account; every refusal is a Chinese message naming the field.
 */
@IntegrationTest
class VolunteeringApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	VolunteeringFixtures f;

	long volunteer;

	long project;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		f = new VolunteeringFixtures(mvc, user);
		volunteer = f.volunteer("150102001");
		project = f.project("150102001", f.team("150102001"), true);
	}

	ResultActions sheet(String query, String json) throws Exception {
		return mvc.perform(post("/api/projects/{id}/hours" + query, project).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	String entry(LocalDateTime start, LocalDateTime end) {
		return """
				{"volunteerId":%d,"start":"%s","end":"%s","content":"陪伴聊天"}""".formatted(volunteer, start, end);
	}

	long storedRecords() {
		return jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE volunteer_id = :v")
			.param("v", volunteer)
			.query(Long.class)
			.single();
	}

	@Test
	void aTeamListsItsMembersWithTheirNames() throws Exception {
		long team = f.team("150102001");
		long other = f.volunteer("150102001");
		for (long v : new long[] { volunteer, other }) {
			mvc.perform(post("/api/volunteer-teams/{id}/members", team).with(TestAccounts.as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"volunteerId\":" + v + "}")).andExpect(status().is2xxSuccessful());
		}
		String name = jdbc.sql("SELECT name FROM volunteer WHERE id = :v").param("v", other).query(String.class).single();
		mvc.perform(get("/api/volunteer-teams/{id}/members", team).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[?(@.volunteerId == %d)].volunteerName".formatted(other))
				.value(org.hamcrest.Matchers.contains(name)))
			.andExpect(jsonPath("$[*].volunteerName").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.startsWith("志愿者"))));
	}

	@Test
	void overlappingHoursAreRefusedNamingTheClashingRecord() throws Exception {
		LocalDateTime nine = LocalDate.now().minusDays(3).atTime(9, 0);
		long first = f.hours(project, volunteer, 3, 9, 60);
		sheet("", "[" + entry(nine.plusMinutes(30), nine.plusMinutes(90)) + "]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.recorded").isEmpty())
			.andExpect(jsonPath("$.rejected[0].index").value(0))
			.andExpect(jsonPath("$.rejected[0].field").value("start"))
			.andExpect(jsonPath("$.rejected[0].message").value(containsString("编号 " + first)))
			.andExpect(jsonPath("$.detail").value(containsString("开始时间")))
			.andExpect(jsonPath("$.errors[0].field").value("start"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("第 1 条")));
		// two entries of the same sheet overlapping each other
		sheet("", "[" + entry(nine.plusHours(3), nine.plusHours(4)) + "," + entry(nine.plusHours(3).plusMinutes(59),
				nine.plusHours(5)) + "]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rejected[0].index").value(1))
			.andExpect(jsonPath("$.rejected[0].message").value(containsString("重叠")));
		assertThat(storedRecords()).isEqualTo(1);
		// back to back is fine
		sheet("", "[" + entry(nine.plusMinutes(60), nine.plusMinutes(120)) + "]").andExpect(status().isCreated());
	}

	@Test
	void zeroNegativeAndFractionalMinutesAreRefused() throws Exception {
		LocalDateTime nine = LocalDate.now().minusDays(2).atTime(9, 0);
		sheet("", "[" + entry(nine, nine) + "]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rejected[0].field").value("end"))
			.andExpect(jsonPath("$.rejected[0].message").value(containsString("大于零")));
		sheet("", "[" + entry(nine, nine.minusMinutes(30)) + "]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rejected[0].field").value("end"));
		sheet("", "[" + entry(nine.plusSeconds(30), nine.plusMinutes(30)) + "]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rejected[0].field").value("start"))
			.andExpect(jsonPath("$.rejected[0].message").value(containsString("整分钟")));
		sheet("", """
				[{"volunteerId":%d,"start":"昨天","end":"%s","content":""}]""".formatted(volunteer, nine))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rejected", hasSize(2)))
			.andExpect(jsonPath("$.detail").value(containsString("活动内容")));
		assertThat(storedRecords()).isZero();
	}

	@Test
	void aSheetIsAllOrNothingUnlessOnlyTheValidEntriesAreAsked() throws Exception {
		LocalDateTime nine = LocalDate.now().minusDays(4).atTime(9, 0);
		String body = "[" + entry(nine, nine.plusMinutes(45)) + "," + entry(nine.plusHours(2), nine.plusHours(2)) + "]";
		sheet("", body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.rejected[0].index").value(1));
		assertThat(storedRecords()).isZero();
		sheet("?mode=valid", body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.recorded", hasSize(1)))
			.andExpect(jsonPath("$.rejected[0].index").value(1));
		assertThat(storedRecords()).isEqualTo(1);
	}

	@Test
	void aSheetOfManyVolunteersIsCheckedAgainstEachVolunteersOwnRecordsInForce() throws Exception {
		long other = f.volunteer("150102001");
		long third = f.volunteer("150102001");
		LocalDateTime nine = LocalDate.now().minusDays(6).atTime(9, 0);
		long early = f.hours(project, volunteer, 6, 9, 60);
		long late = f.hours(project, volunteer, 6, 11, 60);
		long reversed = f.hours(project, other, 6, 9, 60);
		f.confirm(reversed);
		mvc.perform(post("/api/hours/{id}/reverse", reversed).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"记错了人\"}")).andExpect(status().isCreated());
		String row = """
				{"volunteerId":%d,"start":"%s","end":"%s","content":"陪伴聊天"}""";
		String body = "[" + String.join(",",
				// overlaps both stored records of the volunteer: the earlier one is named
				row.formatted(volunteer, nine.plusMinutes(30), nine.plusMinutes(150)),
				// the other volunteer's record at that time is reversed, so no longer in force
				row.formatted(other, nine, nine.plusMinutes(60)),
				// the volunteer's records do not bind another volunteer
				row.formatted(third, nine, nine.plusMinutes(60)),
				// back to back with the stored records
				row.formatted(volunteer, nine.plusMinutes(180), nine.plusMinutes(240)),
				row.formatted(volunteer, nine.minusMinutes(60), nine),
				row.formatted(third, nine.plusMinutes(60), nine.plusMinutes(70))) + "]";
		sheet("", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.recorded").isEmpty())
			.andExpect(jsonPath("$.rejected", hasSize(1)))
			.andExpect(jsonPath("$.rejected[0].index").value(0))
			.andExpect(jsonPath("$.rejected[0].message").value(containsString("编号 " + early)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE project_id = :p").param("p", project)
			.query(Long.class).single()).isEqualTo(4);

		String json = sheet("?mode=valid", body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.recorded", hasSize(5)))
			.andExpect(jsonPath("$.rejected[0].index").value(0))
			.andReturn().getResponse().getContentAsString();
		java.util.List<Number> ids = JsonPath.read(json, "$.recorded");
		long[] owners = { other, third, volunteer, volunteer, third };
		int[] startMinutes = { 0, 0, 180, -60, 60 };
		for (int i = 0; i < ids.size(); i++) {
			var stored = jdbc.sql("SELECT volunteer_id, started_at, status FROM service_hours WHERE id = :id")
				.param("id", ids.get(i).longValue()).query().singleRow();
			assertThat(((Number) stored.get("volunteer_id")).longValue()).as("record %d", i).isEqualTo(owners[i]);
			assertThat(((java.sql.Timestamp) stored.get("started_at")).toLocalDateTime()).as("record %d", i)
				.isEqualTo(nine.plusMinutes(startMinutes[i]));
			assertThat(stored.get("status")).isEqualTo("RECORDED");
		}
		assertThat(late).isNotEqualTo(early);
		// the same sheet again: every entry now clashes with what it stored, or as before
		sheet("?mode=valid", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.recorded").isEmpty())
			.andExpect(jsonPath("$.rejected", hasSize(6)));
	}

	@Test
	void confirmedRecordsAreFinalAndReversedOnce() throws Exception {
		long id = f.hours(project, volunteer, 5, 14, 90);
		f.confirm(id);
		mvc.perform(post("/api/hours/{id}/confirm", id).with(TestAccounts.as(user))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已确认")));
		mvc.perform(post("/api/hours/{id}/dispute", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"时长不对\"}")).andExpect(status().isConflict());
		mvc.perform(get("/api/volunteers/{id}/hours", volunteer).with(TestAccounts.as(user)))
			.andExpect(jsonPath("$.totalMinutes").value(90));
		long bank = account();
		assertThat(balance(bank)).isEqualTo(90);
		// a reversal needs a reason
		mvc.perform(post("/api/hours/{id}/reverse", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("原因")));
		mvc.perform(post("/api/hours/{id}/reverse", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"志愿者当天请假\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.minutes").value(-90))
			.andExpect(jsonPath("$.reversesId").value(id));
		mvc.perform(post("/api/hours/{id}/reverse", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"再来一次\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已冲正")));
		mvc.perform(get("/api/volunteers/{id}/hours", volunteer).with(TestAccounts.as(user)))
			.andExpect(jsonPath("$.totalMinutes").value(0))
			.andExpect(jsonPath("$.records", hasSize(2)));
		assertThat(balance(bank)).isZero();
		// the slot is free again for the corrected record
		f.hours(project, volunteer, 5, 14, 60);
	}

	@Test
	void disputedRecordsGoBackToTheOrganizer() throws Exception {
		long id = f.hours(project, volunteer, 6, 8, 30);
		mvc.perform(post("/api/hours/{id}/dispute", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"只服务了 20 分钟\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPUTED"));
		mvc.perform(post("/api/hours/{id}/confirm", id).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"与志愿者核实后代为确认\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
	}

	long account() throws Exception {
		String json = mvc.perform(get("/api/timebank/accounts").param("volunteerId", Long.toString(volunteer))
			.with(TestAccounts.as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$[0].id")).longValue();
	}

	long balance(long account) throws Exception {
		String json = mvc.perform(get("/api/timebank/accounts/{id}", account).with(TestAccounts.as(user)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.balanceMinutes")).longValue();
	}

	@Test
	void dashboardShowsVolunteeringFreshAfterEachCommit() throws Exception {
		String region = "150102001";
		String before = dashboard(region);
		long id = f.hours(project, volunteer, 1, 10, 120);
		f.confirm(id);
		f.project(region, f.team(region), false);
		String after = dashboard(region);
		assertThat(number(after, "hours").doubleValue()).isEqualTo(number(before, "hours").doubleValue() + 2.0);
		assertThat(number(after, "projects").longValue()).isEqualTo(number(before, "projects").longValue() + 1);
		assertThat(number(after, "timeBankMinutes").longValue())
			.isEqualTo(number(before, "timeBankMinutes").longValue() + 120);
		assertThat(number(after, "activeVolunteers").longValue())
			.isEqualTo(number(before, "activeVolunteers").longValue() + 1);
		// the parents count it too
		assertThat(number(dashboard("150102"), "timeBankMinutes").longValue())
			.isGreaterThanOrEqualTo(number(after, "timeBankMinutes").longValue());
	}

	String dashboard(String region) throws Exception {
		return mvc.perform(get("/api/stats/dashboard").param("region", region)
			.param("from", LocalDate.now().minusDays(30).toString())
			.param("to", LocalDate.now().toString()).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static Number number(String json, String field) {
		return JsonPath.read(json, "$.volunteering." + field);
	}

}
