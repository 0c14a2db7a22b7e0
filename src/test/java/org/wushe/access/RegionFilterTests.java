package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/** The one reading of a region filter: own region when blank, 400 naming the field, 404 outside (above included). */
class RegionFilterTests {

	private static final RegionScope CITY = new RegionScope(RegionCode.parse("1501"));

	@Test
	void blankMeansTheRootOfTheScope() {
		assertThat(RegionFilter.read(CITY, null, "region")).isEqualTo(RegionCode.parse("1501"));
		assertThat(RegionFilter.read(CITY, "  ", "region")).isEqualTo(RegionCode.parse("1501"));
	}

	@Test
	void aRegionInsideTheScopeIsTakenAsIs() {
		assertThat(RegionFilter.read(CITY, "150102", "region")).isEqualTo(RegionCode.parse("150102"));
	}

	@Test
	void aMalformedCodeNamesTheField() {
		assertThatThrownBy(() -> RegionFilter.read(CITY, "15x", "within")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.errors().get(0).field()).isEqualTo("within"));
	}

	@Test
	void aSiblingOrARegionAboveTheScopeIsNotFound() {
		for (String outside : new String[] { "1502", "150202", "15" }) {
			assertThatThrownBy(() -> RegionFilter.read(CITY, outside, "region")).isInstanceOfSatisfying(
					BusinessException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		}
	}

	@Test
	void aListReadsARegionAboveTheScopeAsTheWholeScopeButStillRefusesASibling() {
		assertThat(RegionFilter.narrow(CITY, "15", "within")).isEqualTo(RegionCode.parse("1501"));
		assertThat(RegionFilter.narrow(CITY, "150102", "within")).isEqualTo(RegionCode.parse("150102"));
		assertThat(RegionFilter.narrow(CITY, "", "within")).isEqualTo(RegionCode.parse("1501"));
		assertThatThrownBy(() -> RegionFilter.narrow(CITY, "1502", "within")).isInstanceOfSatisfying(
				BusinessException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void aRequestedRegionIsOnlyParsedAndLeftToTheCampaign() {
		assertThat(RegionFilter.requested(CITY, null, "region")).isEqualTo(RegionCode.parse("1501"));
		assertThat(RegionFilter.requested(CITY, "15", "region")).isEqualTo(RegionCode.parse("15"));
		assertThatThrownBy(() -> RegionFilter.requested(CITY, "15x", "region")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.errors().get(0).field()).isEqualTo("region"));
	}

}
