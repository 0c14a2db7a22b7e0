package org.wushe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTests {

	/** The example of GB 11643-1999 itself. */
	static final String STANDARD_EXAMPLE = "11010519491231002X";

	/** A checksum-valid number on 赛罕区 with the check character computed, not copied. */
	static String valid(String first17) {
		return first17 + IdNumber.checkChar(first17);
	}

	@Test
	void acceptsAValidNumber() {
		assertThat(IdNumber.problem(STANDARD_EXAMPLE)).isEmpty();
		IdNumber id = IdNumber.parse(STANDARD_EXAMPLE);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.regionPrefix()).isEqualTo("110105");
		assertThat(id.male()).isFalse();
		String other = valid("15010519850612123");
		assertThat(IdNumber.isValid(other)).isTrue();
		assertThat(IdNumber.parse(other).male()).isTrue();
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertThat(IdNumber.problem("110105194912310021")).contains("actor.id-number.check");
		String good = valid("15010519850612123");
		char wrong = good.charAt(17) == '1' ? '2' : '1';
		assertThat(IdNumber.problem(good.substring(0, 17) + wrong)).contains("actor.id-number.check");
	}

	@Test
	void rejectsAWrongLength() {
		assertThat(IdNumber.problem("11010519491231002")).contains("actor.id-number.length");
		assertThat(IdNumber.problem("11010519491231002X1")).contains("actor.id-number.length");
		assertThat(IdNumber.problem("110105491231002")).contains("actor.id-number.length");
		assertThat(IdNumber.problem("  ")).contains("actor.id-number.blank");
		assertThat(IdNumber.problem(null)).contains("actor.id-number.blank");
	}

	@Test
	void rejectsABadBirthDate() {
		assertThat(IdNumber.problem(valid("15010519990230123"))).contains("actor.id-number.birth-date");
		assertThat(IdNumber.problem(valid("15010519991301123"))).contains("actor.id-number.birth-date");
		assertThat(IdNumber.problem(valid("15010518991231123"))).contains("actor.id-number.birth-date");
		// 2000 was a leap year, 1900 was not
		assertThat(IdNumber.problem(valid("15010520000229123"))).isEmpty();
	}

	@Test
	void rejectsBadCharactersAndRegions() {
		assertThat(IdNumber.problem("1101051949123100AX")).contains("actor.id-number.characters");
		assertThat(IdNumber.problem("11010519491231002Y")).contains("actor.id-number.characters");
		assertThat(IdNumber.problem(valid("00010519850612123"))).contains("actor.id-number.region");
		assertThat(IdNumber.problem(valid("16010519850612123"))).contains("actor.id-number.region");
	}

	@Test
	void acceptsALowerCaseXAndNormalisesIt() {
		assertThat(IdNumber.problem(" 11010519491231002x ")).isEmpty();
		assertThat(IdNumber.parse("11010519491231002x").value()).isEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void masksAllButTheFirstAndLastFour() {
		IdNumber id = IdNumber.parse(STANDARD_EXAMPLE);
		assertThat(id.masked()).isEqualTo("1101**********002X");
		assertThat(id.toString()).isEqualTo(id.masked()).doesNotContain("19491231");
		assertThat(IdNumber.mask("150105198506121234")).isEqualTo("1501**********1234");
	}

	@Test
	void parseRefusesInvalidNumbers() {
		assertThatThrownBy(() -> IdNumber.parse("123")).hasMessage("actor.id-number.length");
	}

}
