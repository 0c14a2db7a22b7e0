package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wushe.shared.FieldError;

class SiteRulesTests {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	static SiteInput input(String type, String region, String status) {
		return new SiteInput(type, region, "海拉尔东路街道社工站", null, "0471-6601234", null, null, List.of(), List.of(),
				null, status, null, null, null, null, null, null, null);
	}

	static List<FieldError> errors(SiteInput in) {
		List<FieldError> errors = new ArrayList<>();
		SiteRules.check(in, TODAY, errors);
		return errors;
	}

	static SiteRules.Checked checked(SiteInput in) {
		List<FieldError> errors = new ArrayList<>();
		SiteRules.Checked c = SiteRules.check(in, TODAY, errors);
		assertThat(errors).isEmpty();
		return c;
	}

	@Test
	void eachTypeSitsOnItsLevel() {
		assertThat(errors(input("CENTRE", "150102", "OPERATING"))).isEmpty();
		assertThat(errors(input("station", "150102001", "OPERATING"))).isEmpty();
		assertThat(errors(input("ROOM", "150102001001", "OPERATING"))).isEmpty();
		assertThat(errors(input("ROOM", "150102001001000", "OPERATING"))).extracting(FieldError::field)
			.containsExactly("regionCode");
		assertThat(errors(input("STATION", "150102", "OPERATING"))).singleElement()
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("site.error.wrong-level"));
		assertThat(errors(input("CENTRE", "150102001", "OPERATING"))).extracting(FieldError::field)
			.containsExactly("regionCode");
		// the padded form is the same region
		assertThat(checked(input("STATION", "150102001000", "OPERATING")).region().value()).isEqualTo("150102001");
	}

	@Test
	void unknownTypeAndStatusAreNamed() {
		assertThat(errors(input("TOWER", "150102", "OPEN"))).extracting(FieldError::field)
			.containsExactly("type", "status");
		assertThat(errors(input(null, null, null))).extracting(FieldError::field)
			.containsExactly("type", "regionCode", "status");
	}

	@Test
	void statusDatesDefaultToTodayAndStayInOrder() {
		assertThat(checked(input("CENTRE", "150102", "OPERATING")).openedOn()).isEqualTo(TODAY);
		assertThat(checked(input("CENTRE", "150102", "CLOSED")).closedOn()).isEqualTo(TODAY);
		assertThat(checked(input("CENTRE", "150102", "PLANNED")).openedOn()).isNull();
		SiteInput closedBeforeOpened = new SiteInput("CENTRE", "150102", "x", null, null, null, null, null, null, null,
				"CLOSED", null, LocalDate.of(2024, 5, 1), null, LocalDate.of(2024, 4, 1), null, null, null);
		assertThat(errors(closedBeforeOpened)).extracting(FieldError::messageKey)
			.containsExactly("site.error.closed-before-opened");
		SiteInput openedTomorrow = new SiteInput("CENTRE", "150102", "x", null, null, null, null, null, null, null,
				"OPERATING", null, TODAY.plusDays(1), null, null, null, null, null);
		assertThat(errors(openedTomorrow)).extracting(FieldError::field).containsExactly("openedOn");
		SiteInput plannedOpening = new SiteInput("CENTRE", "150102", "x", null, null, null, null, null, null, null,
				"PLANNED", TODAY.plusDays(30), TODAY.plusDays(30), null, null, null, null, null);
		assertThat(errors(plannedOpening)).isEmpty();
	}

	@Test
	void phones() {
		for (String ok : List.of("13812345678", "0471-6601234", "04716601234", "(0471) 6601234", "0471-6601234-801",
				"6601234", "400-123-4567", "12345", "+86 13812345678", "１３８１２３４５６７８")) {
			assertThat(errors(withPhone(ok))).as(ok).isEmpty();
		}
		for (String bad : List.of("abc", "1234", "23812345678", "138123456789", "0471-66")) {
			assertThat(errors(withPhone(bad))).as(bad).extracting(FieldError::field).containsExactly("phone");
		}
	}

	static SiteInput withPhone(String phone) {
		return new SiteInput("CENTRE", "150102", "x", null, phone, null, null, null, null, null, "OPERATING", null,
				null, null, null, null, null, null);
	}

	@Test
	void textLimitsCountCharacters() {
		SiteInput longName = new SiteInput("CENTRE", "150102", "站".repeat(101), "址".repeat(201), null, null,
				"容".repeat(2001), null, null, null, "OPERATING", null, null, null, null, null, null, null);
		assertThat(errors(longName)).extracting(FieldError::field).containsExactly("name", "address", "serviceContent");
		SiteInput blankName = new SiteInput("CENTRE", "150102", " \u3000 ", null, null, null, null, null, null, null,
				"OPERATING", null, null, null, null, null, null, null);
		assertThat(errors(blankName)).extracting(FieldError::messageKey).containsExactly("site.error.required");
	}

	@Test
	void staffAndItemsDropBlankRowsAndNameTheRowOfAProblem() {
		SiteInput in = new SiteInput("STATION", "150102001", "x", null, null, null, null,
				List.of(new ServiceItem("养老服务", "探访"), new ServiceItem(" ", null), new ServiceItem(null, "无名")),
				List.of(new StaffMember("王丽", "站长", "13812345678", false, null),
						new StaffMember("", "", "", false, null), new StaffMember("", "社工", "138", true, -5L)),
				null, "OPERATING", null, null, null, null, null, null, null);
		List<FieldError> errors = errors(in);
		assertThat(errors).extracting(FieldError::messageKey)
			.containsExactly("site.error.item-name", "site.error.staff-name", "site.error.staff-phone",
					"site.error.staff-worker-id");
		assertThat(errors.get(1).args()).containsExactly(2);
		assertThat(errors.get(0).args()).containsExactly(2);
	}

	@Test
	void coordinatesInsideChina() {
		assertThat(errors(withCoordinates("40.842356", "111.749180"))).isEmpty();
		assertThat(errors(withCoordinates("111.749180", "40.842356"))).extracting(FieldError::messageKey)
			.containsExactly("site.error.coordinates-swapped");
		assertThat(errors(withCoordinates("40.8", "-74.0"))).extracting(FieldError::messageKey)
			.containsExactly("site.error.coordinates-outside");
		assertThat(errors(withCoordinates("40.8", null))).extracting(FieldError::messageKey)
			.containsExactly("site.error.coordinates-pair");
		assertThat(checked(withCoordinates("40.8423564", "111.7491801")).latitude())
			.isEqualByComparingTo("40.842356");
	}

	static SiteInput withCoordinates(String lat, String lon) {
		return new SiteInput("CENTRE", "150102", "x", null, null, null, null, null, null, null, "OPERATING", null,
				null, null, null, lat == null ? null : new BigDecimal(lat), lon == null ? null : new BigDecimal(lon),
				null);
	}

	@Test
	void maskedPhones() {
		assertThat(new StaffMember("a", null, "13812345678", false, null).shownPhone()).isEqualTo("138****5678");
		assertThat(new StaffMember("a", null, "13812345678", true, null).shownPhone()).isEqualTo("13812345678");
		assertThat(new StaffMember("a", null, "6601234", false, null).shownPhone()).isEqualTo("***1234");
		assertThat(new StaffMember("a", null, null, false, null).shownPhone()).isNull();
	}

	@Test
	void serviceItemsFromOneCell() {
		assertThat(SiteImport.items("养老服务：独居老人探访、助餐；儿童关爱\n 政策咨询: 低保 "))
			.containsExactly(new ServiceItem("养老服务", "独居老人探访、助餐"), new ServiceItem("儿童关爱", null),
					new ServiceItem("政策咨询", "低保"));
	}

}
