package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

@IntegrationTest
class SitePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	SiteService sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	SiteFixtures fixtures;

	String saihan;

	String xincheng;

	@BeforeEach
	void setUp() {
		fixtures = new SiteFixtures(sites, jdbc);
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	/** A station in 150105006 with a private and a public staff phone, created through the form. */
	long createThroughTheForm(String name) throws Exception {
		fixtures.free("150105006");
		MvcResult r = mvc.perform(post("/sites").with(TestAccounts.as(saihan))
			.with(csrf())
			.param("type", "STATION")
			.param("regionCode", "150105006")
			.param("name", name)
			.param("address", "昭乌达南路 8 号")
			.param("phone", "0471-3300123")
			.param("openingHours", "周一至周五 8:30-17:30")
			.param("serviceContent", "养老服务、儿童关爱")
			.param("serviceItems", "养老服务：独居老人探访\n儿童关爱")
			.param("serviceProcess", "接案—评估—服务—回访")
			.param("status", "OPERATING")
			.param("staff[0].name", "王丽")
			.param("staff[0].post", "站长")
			.param("staff[0].phone", "13812345678")
			.param("staff[1].name", "李强")
			.param("staff[1].post", "驻站社工")
			.param("staff[1].phone", "13900001111")
			.param("staff[1].phonePublic", "true")
			.param("staff[2].name", "")
			.param("staff[2].phone", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/sites/*"))
			.andReturn();
		return Long.parseLong(r.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
	}

	@Test
	void formCreatesAStationWithStaffAndTheDetailMasksPrivatePhones() throws Exception {
		String name = SiteFixtures.unique("昭乌达南路街道社工站");
		long id = createThroughTheForm(name);
		Site site = sites.get(id, SiteFixtures.EVERYWHERE);
		assertThat(site.staff()).extracting(StaffMember::name).containsExactly("王丽", "李强");
		assertThat(site.serviceItems()).extracting(ServiceItem::name).containsExactly("养老服务", "儿童关爱");
		mvc.perform(get("/sites/{id}", id).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("138****5678")))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(containsString("13900001111")));
		// the edit form shows the full phone, and that read is audited
		mvc.perform(get("/sites/{id}/edit", id).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13812345678")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'site.personal-data.view' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staffPhonesAreStoredEncryptedWithASearchHash() throws Exception {
		long id = createThroughTheForm(SiteFixtures.unique("加密测试社工站"));
		List<String> stored = jdbc.sql("SELECT phone_cipher FROM site_staff WHERE site_id = :id ORDER BY seq")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(stored).hasSize(2).allSatisfy(text -> assertThat(text).startsWith("v1:")
			.doesNotContain("13812345678")
			.doesNotContain("13900001111")
			.doesNotContain("5678"));
		List<String> hashes = jdbc.sql("SELECT phone_hash FROM site_staff WHERE site_id = :id ORDER BY seq")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(hashes.get(0)).isEqualTo(cipher.hash(FieldCipher.PHONE, "13812345678"));
		// read back through the service in full, and the public page still shows only the public one
		assertThat(sites.get(id, SiteFixtures.EVERYWHERE).staff()).extracting(StaffMember::phone)
			.containsExactly("13812345678", "13900001111");
	}

	@Test
	void formErrorsAreShownInPlace() throws Exception {
		mvc.perform(post("/sites").with(TestAccounts.as(saihan))
			.with(csrf())
			.param("type", "STATION")
			.param("regionCode", "150105")
			.param("name", "")
			.param("status", "OPERATING")
			.param("openedOn", "2024年13月1日")
			.param("staff[0].name", "")
			.param("staff[0].phone", "1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"field-errors\"")))
			.andExpect(content().string(containsString("建成日期：")))
			.andExpect(content().string(containsString("id=\"site-form\"")));
		mvc.perform(post("/sites").with(TestAccounts.as(saihan))
			.with(csrf())
			.param("type", "STATION")
			.param("regionCode", "150105")
			.param("name", "")
			.param("status", "OPERATING")
			.param("staff[0].name", "")
			.param("staff[0].phone", "1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("阵地名称：必填，不能为空")))
			.andExpect(content().string(containsString("所在区划：乡镇（街道）社工站应设在乡级（乡镇街道）区划上")))
			.andExpect(content().string(containsString("驻站人员：第 1 位人员缺少姓名")))
			.andExpect(content().string(containsString("驻站人员：第 1 位人员的电话“1234”无效")));
		// a region outside the scope is refused like a wrong field, without saying more
		mvc.perform(post("/sites").with(TestAccounts.as(saihan))
			.with(csrf())
			.param("type", "STATION")
			.param("regionCode", "150102001")
			.param("name", "x")
			.param("status", "OPERATING"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("所在区划：区划“150102001”不存在或不在您的管辖范围内")));
	}

	@Test
	void listFiltersAndFindsByPinyinInitials() throws Exception {
		fixtures.free("150105007");
		Site bayan = fixtures.create(SiteType.STATION, "150105007", "巴彦街道社工站", SiteStatus.OPERATING);
		Site other = fixtures.create(SiteType.STATION, "150102002", "锡林北路街道社工站", SiteStatus.OPERATING);
		mvc.perform(get("/sites").param("q", "bYjd").with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-id=\"" + bayan.id() + "\"")));
		mvc.perform(get("/sites").param("q", "巴彦").param("type", "ROOM").with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-id=\"" + bayan.id() + "\""))));
		// narrowed by name too: on a shared database other tests' (and demo) sites fill the first page
		mvc.perform(get("/sites").param("status", "OPERATING")
			.param("q", "巴彦街道")
			.header("HX-Request", "true")
			.with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-id=\"" + bayan.id() + "\"")))
			.andExpect(content().string(not(containsString("data-id=\"" + other.id() + "\""))))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/sites").param("q", "xlbljd").with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-id=\"" + other.id() + "\""))));
		mvc.perform(get("/sites").param("q", "xlbljd").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-id=\"" + other.id() + "\"")));
		mvc.perform(get("/sites/{id}", other.id()).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/sites/{id}/placard", other.id()).with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/sites/{id}/edit", other.id()).with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
	}

	@Test
	void exportHoldsOnlyTheScope() throws Exception {
		Site own = fixtures.create(SiteType.STATION, "150105008", SiteFixtures.unique("敕勒川路街道社工站"),
				SiteStatus.OPERATING);
		Site other = fixtures.create(SiteType.STATION, "150102003", SiteFixtures.unique("中山东路街道社工站"),
				SiteStatus.OPERATING);
		MvcResult r = mvc.perform(get("/sites/export").with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn();
		List<String> names = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("阵地名录");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("所在位置");
			for (int i = 3; i <= sheet.getLastRowNum(); i++) {
				names.add(sheet.getRow(i).getCell(1).getStringCellValue());
				codes.add(sheet.getRow(i).getCell(4).getStringCellValue());
			}
		}
		assertThat(names).contains(own.name()).doesNotContain(other.name());
		assertThat(codes).allMatch(c -> c.startsWith("150105"));
		mvc.perform(get("/sites/export").param("within", "150102").with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
	}

	@Test
	void publicPageWithoutLoginHidesPrivatePhones() throws Exception {
		long id = createThroughTheForm(SiteFixtures.unique("公示测试社工站"));
		String publicId = fixtures.publicId(id);
		assertThat(publicId).matches("[a-z2-7]{24}");
		String html = mvc.perform(get("/public/sites/{id}", publicId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("公示测试社工站", "养老服务、儿童关爱", "独居老人探访", "接案—评估—服务—回访", "0471-3300123",
				"王丽", "李强", "13900001111");
		assertThat(html).doesNotContain("13812345678").doesNotContain("5678<");
		mvc.perform(get("/public/sites/{id}", id)).andExpect(status().isNotFound());
		fixtures.close(id);
		mvc.perform(get("/public/sites/{id}", publicId)).andExpect(status().isNotFound());
		mvc.perform(get("/public/sites/{id}", 987654321L)).andExpect(status().isNotFound());
	}

	@Test
	void placardCarriesAQrCodeToThePublicPage() throws Exception {
		long id = createThroughTheForm(SiteFixtures.unique("公示牌测试社工站"));
		String html = mvc.perform(get("/sites/{id}/placard", id).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("site-placard.css", "id=\"print-placard\"").contains("13900001111")
			.doesNotContain("13812345678");
		mvc.perform(get("/css/site-placard.css"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("size: A4")))
			.andExpect(content().string(containsString("@media print")));
		Matcher m = Pattern.compile("id=\"placard-qr\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"")
			.matcher(html.replace("\n", " "));
		assertThat(m.find()).as("QR image in the placard").isTrue();
		String svg = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
		assertThat(decode(svg)).isEqualTo("https://wushe.test.example/public/sites/" + fixtures.publicId(id));
		assertThat(html).contains("https://wushe.test.example/public/sites/" + fixtures.publicId(id))
			.doesNotContain("/public/sites/" + id + "<");
	}

	/** Reads the QR code back from the SVG the placard embeds. */
	static String decode(String svg) throws Exception {
		Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(size.find()).isTrue();
		int modules = Integer.parseInt(size.group(1));
		int scale = 4;
		int width = modules * scale;
		int[] pixels = new int[width * width];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher dark = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
		while (dark.find()) {
			int x = Integer.parseInt(dark.group(1));
			int y = Integer.parseInt(dark.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * width + x * scale + dx] = 0xFF000000;
				}
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
