package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestCampaigns;
import org.wushe.support.TestFiles;

import com.jayway.jsonpath.JsonPath;

/**
 * Attachments of activity summaries: checked by content, macros refused, size limited, seen by the unit and every
 * level above it in scope, by no one else.
 */
@IntegrationTest
class SummaryAttachmentTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Clock clock;

	String province;

	String hohhot;

	String baotou;

	String xincheng;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		hohhot = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		Instant now = Instant.now(clock);
		campaign = TestCampaigns.createCurrent(mvc, province, "summary-files", LocalDate.now(clock),
				now.plus(6, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS));
	}

	String attachments() {
		return "/api/campaigns/" + campaign + "/summary/attachments";
	}

	ResultActions attach(String user, MockMultipartFile... files) throws Exception {
		var request = multipart(attachments()).param("regionCode", "1501");
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		return mvc.perform(request.with(TestAccounts.as(user)));
	}

	static MockMultipartFile file(String name, byte[] bytes) {
		return new MockMultipartFile("files", name, "application/octet-stream", bytes);
	}

	@Test
	void aUnitHandsInPdfWordExcelAndPhotosAndTheLevelsAboveReadThem() throws Exception {
		String json = attach(hohhot, file("总结.pdf", PDF),
				file("总结.docx", TestFiles.zip("[Content_Types].xml", "word/document.xml")),
				file("统计.xlsx", TestFiles.zip("[Content_Types].xml", "xl/workbook.xml")),
				file("现场.jpg", TestFiles.jpegWithGps()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[0].contentType").value("application/pdf"))
			.andExpect(jsonPath("$[1].contentType").value(containsString("wordprocessingml")))
			.andExpect(jsonPath("$[2].contentType").value(containsString("spreadsheetml")))
			.andExpect(jsonPath("$[3].contentType").value("image/jpeg"))
			.andExpect(jsonPath("$[0].onTime").value(true))
			.andExpect(jsonPath("$[0].version").value(0))
			.andReturn().getResponse().getContentAsString();
		String pdf = JsonPath.read(json, "$[0].url");
		String photo = JsonPath.read(json, "$[3].url");
		mvc.perform(get(attachments()).param("region", "1501").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)));
		byte[] downloaded = mvc.perform(get(pdf).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(PDF);
		byte[] cleaned = mvc.perform(get(photo).with(TestAccounts.as(hohhot)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(TestFiles.contains(cleaned, "GPSLatitude")).isFalse();
	}

	@Test
	void aSiblingOrALevelBelowGetsNotFound() throws Exception {
		String json = attach(hohhot, file("a.pdf", PDF)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$[0].id")).longValue();
		for (String other : new String[] { baotou, xincheng }) {
			mvc.perform(get(attachments() + "/" + id).with(TestAccounts.as(other))).andExpect(status().isNotFound());
			mvc.perform(get("/campaigns/{c}/summary/attachments/{a}", campaign, id).with(TestAccounts.as(other)))
				.andExpect(status().isNotFound());
			mvc.perform(get(attachments()).param("region", "1501").with(TestAccounts.as(other)))
				.andExpect(status().isNotFound());
		}
		attach(baotou, file("b.pdf", PDF)).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{c}/summary/attachments/{a}", campaign, id).with(TestAccounts.as(province)))
			.andExpect(status().isOk());
		mvc.perform(get(attachments() + "/" + (id + 1_000_000)).with(TestAccounts.as(province)))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesMacrosWrongTypesAndOversizeFilesNamingTheFieldAndNothingIsStored() throws Exception {
		byte[] docm = TestFiles.zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");
		attach(hohhot, file("ok.pdf", PDF), file("报告.docx", docm))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("attachments"))
			.andExpect(jsonPath("$.detail").value(
					"总结附件：文件“报告.docx”含有宏（VBA 代码），为安全起见不予接收；请另存为不含宏的 .docx 或 .xlsx 后再上传"));
		attach(hohhot, file("表.xlsm", TestFiles.zip("[Content_Types].xml", "xl/workbook.xml")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("含有宏")));
		attach(hohhot, file("fake.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)),
				file("old.doc", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 }))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].message").value(
					"文件“fake.pdf”不是 PDF、Word（.docx）、Excel（.xlsx）、JPEG 或 PNG 文件（按文件内容判断，与文件名无关）"));
		attach(hohhot, file("big.pdf", Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("总结附件：文件“big.pdf”大小为 10.0 MB，超过了每个附件 10.0 MB 的上限"));
		mvc.perform(get(attachments()).param("region", "1501").with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void theSummaryFormTakesTextAndAttachmentsTogether() throws Exception {
		mvc.perform(multipart("/campaigns/{id}/summary", campaign)
			.file(new MockMultipartFile("attachments", "工作总结.pdf", "application/pdf", PDF))
			.param("unit", "1501").param("body", "活动总结正文")
			.with(TestAccounts.as(hohhot)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/campaigns/{id}/summary", campaign).param("unit", "1501").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("工作总结.pdf")))
			.andExpect(content().string(containsString("/campaigns/" + campaign + "/summary/attachments/")));
		mvc.perform(get(attachments()).param("region", "1501").with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$[0].version").value(1));
		// a bad attachment keeps the text from being stored too
		mvc.perform(multipart("/campaigns/{id}/summary", campaign)
			.file(new MockMultipartFile("attachments", "x.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
			.param("unit", "1501").param("body", "第二版")
			.with(TestAccounts.as(hohhot)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"attachments\"")));
		mvc.perform(get("/campaigns/{id}/summary", campaign).param("unit", "1501").with(TestAccounts.as(hohhot)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("第二版"))));
	}

	@Test
	void theStoredNameFollowsTheContentAndActiveContentNamesAreRefused() throws Exception {
		for (String name : new String[] { "report.bat", "report.hta", "report.exe", "report.svg", "report.html",
				"report.pdf.bat " }) {
			attach(hohhot, file(name, PDF)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("attachments"));
		}
		String json = attach(hohhot, file("report.txt", PDF), file("photo.png", TestFiles.jpegWithGps()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(json, "$[0].fileName")).isEqualTo("report.pdf");
		assertThat((String) JsonPath.read(json, "$[1].fileName")).isEqualTo("photo.jpg");
		mvc.perform(get((String) JsonPath.read(json, "$[0].url")).with(TestAccounts.as(province)))
			.andExpect(header().string("Content-Disposition", containsString("report.pdf")));
	}

	@Test
	void aWordFileWhoseVbaPartIsRenamedIsStillFoundByItsRelationships() throws Exception {
		byte[] docm = TestFiles.zipOf(java.util.Map.of("[Content_Types].xml",
				"<Types><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>", "word/document.xml",
				"<w:document/>", "word/_rels/document.xml.rels",
				"<Relationships><Relationship Id=\"rId9\" Target=\"custom.dat\" "
						+ "Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\"/></Relationships>",
				"word/custom.dat", "VBA"));
		attach(hohhot, file("report.docx", docm)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("宏")));
	}

	@Test
	void aSummaryForAUnitRegionThatDoesNotExistIsRefused() throws Exception {
		mvc.perform(multipart(attachments()).file(file("总结.pdf", PDF)).param("regionCode", "1599")
			.with(TestAccounts.as(province))).andExpect(status().isNotFound());
	}

}
