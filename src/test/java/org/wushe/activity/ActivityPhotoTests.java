package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestCampaigns;
import org.wushe.support.TestFiles;

import com.jayway.jsonpath.JsonPath;

/** Activity photos: checked by content and size, stripped of metadata, scoped like their record, deletable. */
@IntegrationTest
class ActivityPhotoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String province;

	String xincheng;

	String saihan;

	long campaign;

	long activity;

	@BeforeEach
	void activity() throws Exception {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		campaign = TestCampaigns.create(mvc, province, "photo-test", "2022-03-24T17:00:00+08:00");
		String recorded = mvc.perform(post("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode": "150102", "name": "photo activity", "participants": 3, "startDate": "2022-03-20",
					 "domains": ["ELDERLY"], "beneficiaries": 5, "fundsYuan": 0, "materialsYuan": 0}
					"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		activity = ((Number) JsonPath.read(recorded, "$.id")).longValue();
	}

	String photos() {
		return "/api/campaigns/" + campaign + "/activities/" + activity + "/photos";
	}

	long upload(MockMultipartFile... files) throws Exception {
		var request = multipart(photos());
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		String json = mvc.perform(request.with(TestAccounts.as(xincheng)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$[-1].id")).longValue();
	}

	@Test
	void uploadsSeveralPhotosAndServesThemWithThumbnails() throws Exception {
		upload(new MockMultipartFile("photos", "a.png", "application/octet-stream", TestFiles.image("png", 1200, 900)),
				new MockMultipartFile("photos", "b.jpg", "image/jpeg", TestFiles.image("jpeg", 200, 100)));
		mvc.perform(get(photos()).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].fileName").value("a.png"))
			.andExpect(jsonPath("$[0].contentType").value("image/png"))
			.andExpect(jsonPath("$[1].contentType").value("image/jpeg"));
		String json = mvc.perform(get(photos()).with(TestAccounts.as(xincheng))).andReturn().getResponse().getContentAsString();
		String url = JsonPath.read(json, "$[0].url");
		byte[] full = mvc.perform(get(url).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] thumb = mvc.perform(get(url + "/thumbnail").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		BufferedImage fullImage = ImageIO.read(new ByteArrayInputStream(full));
		BufferedImage thumbImage = ImageIO.read(new ByteArrayInputStream(thumb));
		assertThat(fullImage.getWidth()).isEqualTo(1200);
		assertThat(Math.max(thumbImage.getWidth(), thumbImage.getHeight())).isEqualTo(320);
		mvc.perform(get("/activities/{id}", activity).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(url + "/thumbnail")));
	}

	@Test
	void removesExifAndGpsByReencoding() throws Exception {
		byte[] original = TestFiles.jpegWithGps();
		assertThat(TestFiles.contains(original, TestFiles.GPS_MARK)).isTrue();
		assertThat(ImageIO.read(new ByteArrayInputStream(original))).isNotNull();
		long id = upload(new MockMultipartFile("photos", "phone.jpg", "image/jpeg", original));
		byte[] stored = mvc.perform(get(photos() + "/" + id).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(TestFiles.contains(stored, "Exif")).isFalse();
		assertThat(TestFiles.contains(stored, "GPSLatitude")).isFalse();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(image.getHeight()).isEqualTo(600);
	}

	@Test
	void refusesAFileThatIsNoImageWhateverItsName() throws Exception {
		mvc.perform(multipart(photos())
			.file(new MockMultipartFile("photos", "ok.png", "image/png", TestFiles.image("png", 10, 10)))
			.file(new MockMultipartFile("photos", "假照片.jpg", "image/jpeg", "GIF89a not a photo".getBytes(StandardCharsets.UTF_8)))
			.with(TestAccounts.as(xincheng)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("photos"))
			.andExpect(jsonPath("$.detail").value("活动照片：文件“假照片.jpg”不是 JPEG、PNG 或 WebP 图片（按文件内容判断，与文件名无关）"));
		mvc.perform(get(photos()).with(TestAccounts.as(xincheng))).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void refusesAnOversizePhotoNamingTheFieldAndTheLimit() throws Exception {
		byte[] big = Arrays.copyOf(TestFiles.image("jpeg", 10, 10), 5 * 1024 * 1024 + 1);
		mvc.perform(multipart(photos()).file(new MockMultipartFile("photos", "big.jpg", "image/jpeg", big))
			.with(TestAccounts.as(xincheng)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("活动照片：照片“big.jpg”大小为 5.0 MB，超过了每张 5.0 MB 的上限"));
		mvc.perform(get(photos()).with(TestAccounts.as(xincheng))).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void aSiblingRegionSeesNoPhotoAndCannotDeleteOne() throws Exception {
		long id = upload(new MockMultipartFile("photos", "a.png", "image/png", TestFiles.image("png", 50, 50)));
		mvc.perform(get("/activities/{a}/photos/{p}", activity, id).with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/activities/{a}/photos/{p}/thumbnail", activity, id).with(TestAccounts.as(saihan)))
			.andExpect(status().isNotFound());
		mvc.perform(get(photos() + "/" + id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get(photos()).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(delete(photos() + "/" + id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(multipart(photos()).file(new MockMultipartFile("photos", "b.png", "image/png", TestFiles.image("png", 5, 5)))
			.with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/activities/{a}/photos/{p}", activity, id).with(TestAccounts.as(province)))
			.andExpect(status().isOk());
		// a photo id of another activity is not found through this one
		mvc.perform(get("/activities/{a}/photos/{p}", activity + 1_000_000, id).with(TestAccounts.as(province)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anEditorDeletesAPhotoOnThePageAndTheRecordCanStillBeDeleted() throws Exception {
		mvc.perform(multipart("/activities/{a}/photos", activity)
			.file(new MockMultipartFile("photos", "p.png", "image/png", TestFiles.image("png", 40, 40)))
			.with(TestAccounts.as(xincheng)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String json = mvc.perform(get(photos()).with(TestAccounts.as(xincheng))).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$[0].id")).longValue();
		mvc.perform(multipart("/activities/{a}/photos", activity)
			.file(new MockMultipartFile("photos", "x.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
			.with(TestAccounts.as(xincheng)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("x.txt")));
		mvc.perform(post("/activities/{a}/photos/{p}/delete", activity, id).with(TestAccounts.as(xincheng)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/activities/{a}/photos/{p}", activity, id).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		upload(new MockMultipartFile("photos", "q.png", "image/png", TestFiles.image("png", 40, 40)));
		mvc.perform(delete("/api/activities/{id}", activity).with(TestAccounts.as(xincheng)))
			.andExpect(status().isNoContent());
	}

	@Test
	void recordsAnActivityWithPhotosFromTheForm() throws Exception {
		mvc.perform(multipart("/campaigns/{id}/activities", campaign)
			.file(new MockMultipartFile("photos", "form.jpg", "image/jpeg", TestFiles.jpegWithGps()))
			.param("regionCode", "150102").param("name", "with photos").param("participants", "1")
			.param("startDate", "2022-03-21").param("domains", "ELDERLY").param("beneficiaries", "1").param("fundsYuan", "0")
			.param("materialsYuan", "0")
			.with(TestAccounts.as(xincheng)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String list = mvc.perform(get("/api/campaigns/{id}/activities", campaign).param("region", "150102")
			.with(TestAccounts.as(xincheng))).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.<java.util.List<Object>>read(list, "$[?(@.name == 'with photos')].id").get(0)).longValue();
		mvc.perform(get("/api/campaigns/{c}/activities/{a}/photos", campaign, id).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].fileName").value("form.jpg"));
	}

	@Test
	void theApiDocumentsPhotosAndSummaryAttachmentsAsMultipart() throws Exception {
		mvc.perform(get("/api/docs").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/campaigns/{campaignId}/activities/{activityId}/photos'].post"
					+ ".requestBody.content['multipart/form-data']").exists())
			.andExpect(jsonPath("$.paths['/api/campaigns/{campaignId}/activities/{activityId}/photos/{photoId}'].delete")
				.exists())
			.andExpect(jsonPath("$.paths['/api/campaigns/{id}/summary/attachments'].post"
					+ ".requestBody.content['multipart/form-data']").exists());
	}

}
