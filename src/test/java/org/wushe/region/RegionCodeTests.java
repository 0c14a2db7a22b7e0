package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

class RegionCodeTests {

	@ParameterizedTest
	@CsvSource({ "15,PROVINCE", "1501,PREFECTURE", "150102,COUNTY", "150102001,TOWNSHIP", "150102001001,VILLAGE",
			"00,COUNTRY" })
	void knowsTheLevelFromTheLength(String code, RegionLevel level) {
		assertThat(RegionCode.parse(code).level()).isEqualTo(level);
	}

	@ParameterizedTest
	@CsvSource({ "150000000000,15", "150100000000,1501", "150102000000,150102", "150102001000,150102001",
			"150102001001,150102001001", "000000000000,00", "441900003000,441900003" })
	void readsThePaddedForm(String padded, String code) {
		assertThat(RegionCode.parse(padded).value()).isEqualTo(code);
	}

	@Test
	void padsBackToTwelveDigits() {
		assertThat(RegionCode.parse("15").padded()).isEqualTo("150000000000");
		assertThat(RegionCode.parse("150102001").padded()).isEqualTo("150102001000");
	}

	@Test
	void knowsParentAndAncestors() {
		RegionCode village = RegionCode.parse("150102001001");
		assertThat(village.parent()).isEqualTo(RegionCode.parse("150102001"));
		assertThat(village.ancestors()).extracting(RegionCode::value)
			.containsExactly("00", "15", "1501", "150102", "150102001");
		assertThat(village.path()).extracting(RegionCode::value)
			.containsExactly("00", "15", "1501", "150102", "150102001", "150102001001");
		assertThat(RegionCode.COUNTRY.path()).containsExactly(RegionCode.COUNTRY);
		assertThat(RegionCode.parse("15").parent()).isEqualTo(RegionCode.COUNTRY);
		assertThat(RegionCode.COUNTRY.parent()).isNull();
		assertThat(village.ancestorAt(RegionLevel.PREFECTURE)).isEqualTo(RegionCode.parse("1501"));
	}

	@Test
	void groupsASubtreeByItsDirectChildren() {
		assertThat(RegionCode.COUNTRY.childCodeLength()).isEqualTo(2);
		assertThat(RegionCode.parse("15").childCodeLength()).isEqualTo(4);
		assertThat(RegionCode.parse("150102").childCodeLength()).isEqualTo(9);
		assertThat(RegionCode.parse("150102001").childCodeLength()).isEqualTo(12);
		RegionCode village = RegionCode.parse("150102001001");
		assertThat(village.childCodeLength()).isEqualTo(12);
		// a child's prefix counts under that child; the region's own rows (a shorter code) under ""
		RegionCode county = RegionCode.parse("150102");
		assertThat(county.childKey("150102001")).isEqualTo("150102001");
		assertThat(county.childKey("150102")).isEmpty();
		assertThat(village.childKey("150102001001")).isEmpty();
	}

	@Test
	void subtreeIsAPrefixRange() {
		RegionCode county = RegionCode.parse("150102");
		assertThat(county.subtreeFrom()).isEqualTo("150102");
		assertThat(county.subtreeTo()).isEqualTo("150103");
		assertThat(RegionCode.parse("1509").subtreeTo()).isEqualTo("1510");
		assertThat(RegionCode.parse("150199").subtreeTo()).isEqualTo("150200");
		// every descendant code sorts inside the range, the sibling's outside
		assertThat("150102001001".compareTo(county.subtreeFrom())).isGreaterThanOrEqualTo(0);
		assertThat("150102999999".compareTo(county.subtreeTo())).isLessThan(0);
		assertThat("150103".compareTo(county.subtreeTo())).isGreaterThanOrEqualTo(0);
		assertThat("1501".compareTo(county.subtreeFrom())).isLessThan(0);
	}

	@Test
	void containsOnlyItsSubtree() {
		RegionCode county = RegionCode.parse("150102");
		assertThat(county.contains(RegionCode.parse("150102001001"))).isTrue();
		assertThat(county.contains(county)).isTrue();
		assertThat(county.contains(RegionCode.parse("150105"))).isFalse();
		assertThat(county.contains(RegionCode.parse("1501"))).isFalse();
		assertThat(RegionCode.COUNTRY.contains(county)).isTrue();
		assertThat(county.contains(RegionCode.COUNTRY)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "123", "12345", "1501020", "15010200100", "1501020010011", "15a1", "１５",
			"15 01" })
	void rejectsMalformedCodes(String text) {
		assertThat(RegionCode.isValid(text)).isFalse();
		assertThatThrownBy(() -> RegionCode.parse(text)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::messageKey)
					.containsExactly(tuple("regionCode", "region.error.malformed")));
		assertThatThrownBy(() -> RegionCode.parse(text, "within")).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("within"));
	}

	@Test
	void scopeNarrowsToTheInnerRegion() {
		RegionScope city = new RegionScope(RegionCode.parse("1501"));
		assertThat(city.narrowTo(RegionCode.parse("150102")).root()).isEqualTo(RegionCode.parse("150102"));
		assertThat(city.narrowTo(RegionCode.parse("15")).root()).isEqualTo(RegionCode.parse("1501"));
		assertThat(city.narrowTo(RegionCode.parse("1502"))).isNull();
	}

	@Test
	void aListFilterNarrowsTheScopeOrIsRefused() {
		RegionScope city = new RegionScope(RegionCode.parse("1501"));
		assertThat(city.within("150102", "within").root().value()).isEqualTo("150102");
		assertThat(city.within(" ", "within")).isEqualTo(city);
		assertThat(city.within("15", "within")).isEqualTo(city);
		assertThatThrownBy(() -> city.within("1502", "within")).isInstanceOfSatisfying(BusinessException.class,
				ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> city.within("15x", "within")).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("within"));
	}

	@Test
	void aRefusedFormIsShownForItsRegionOrTheWholeScope() {
		RegionScope city = new RegionScope(RegionCode.parse("1501"));
		assertThat(city.withinOrWhole(" 150102 ").root().value()).isEqualTo("150102");
		assertThat(city.withinOrWhole("15")).isEqualTo(city);
		for (String unusable : new String[] { null, "", "15x", "1502", "150202001" }) {
			assertThat(city.withinOrWhole(unusable)).as(String.valueOf(unusable)).isEqualTo(city);
		}
	}

}
