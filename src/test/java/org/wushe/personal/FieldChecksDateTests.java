package org.wushe.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.wushe.shared.FieldError;

/** The field checks every module's forms and APIs use read dates with the shared reader, naming the field. */
class FieldChecksDateTests {

	@Test
	void chineseDatesAreReadAndAWrongOneNamesItsField() {
		FieldChecks c = new FieldChecks();
		assertThat(c.date("birthDate", "2026年3月5日", null, true)).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(c.date("birthDate", "２０２６/３/５", null, true)).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(c.errors()).isEmpty();
		assertThat(c.date("serviceDate", "2026年2月30日", null, true)).isNull();
		assertThat(c.date("endDate", "2026-03-06", LocalDate.of(2026, 3, 5), true)).isNull();
		assertThat(c.errors()).extracting(FieldError::field).containsExactly("serviceDate", "endDate");
		assertThat(c.errors().get(0).messageKey()).isEqualTo("actor.input.date");
		assertThat(c.errors().get(1).messageKey()).isEqualTo("actor.input.date-future");
	}

}
