package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/**
 * An invalid field is named by its label: {@code field.<field>}, or the label of the form that threw, falling back to
 * {@code field.<field>} and then to the field's own name.
 */
class TextsFieldTests {

	private final Texts texts = new Texts(messages());

	private static StaticMessageSource messages() {
		StaticMessageSource m = new StaticMessageSource();
		m.addMessage("field.error", Locale.CHINA, "{0}：{1}");
		m.addMessage("field.name", Locale.CHINA, "名称");
		m.addMessage("field.within", Locale.CHINA, "区划范围");
		m.addMessage("site.form.name", Locale.CHINA, "阵地名称");
		m.addMessage("x.required", Locale.CHINA, "必填");
		return m;
	}

	private String field(String field, String labels) {
		LocaleContextHolder.setLocale(Locale.CHINA);
		try {
			return texts.field(new FieldError(field, "x.required"), labels);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void fieldsAreLabelledByTheSharedLabelsUnlessTheFormNamesItsOwn() {
		assertThat(field("name", InvalidInputException.FIELD_LABELS)).isEqualTo("名称：必填");
		assertThat(field("name", null)).isEqualTo("名称：必填");
		assertThat(field("name", "site.form")).isEqualTo("阵地名称：必填");
		assertThat(field("within", "site.form")).isEqualTo("区划范围：必填");
		assertThat(field("other", "site.form")).isEqualTo("other：必填");
	}

	@Test
	void anExceptionCarriesTheLabelsOfItsForm() {
		List<FieldError> errors = List.of(new FieldError("name", "x.required"));
		assertThat(new InvalidInputException(errors).labels()).isEqualTo("field");
		assertThat(new InvalidInputException("site.form", errors).labels()).isEqualTo("site.form");
		assertThat(InvalidInputException.of("name", "x.required").labels()).isEqualTo("field");
	}

}
