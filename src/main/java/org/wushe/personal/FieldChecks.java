package org.wushe.personal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.wushe.shared.DateText;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.Money;
import org.wushe.shared.TextInput;

/**
 * Collects the field errors of one submitted form, API body or workbook row: required and optional texts, choices from
 * an enum, dates, amounts, ID numbers and phone numbers. {@link #throwIfAny()} ends the checks with one
 * {@link InvalidInputException} naming every offending field.
 */
public final class FieldChecks {

	private static final TextInput TEXT = new TextInput("actor.input.required", "actor.input.too-long");

	private final List<FieldError> errors = new ArrayList<>();

	public List<FieldError> errors() {
		return errors;
	}

	public boolean ok() {
		return errors.isEmpty();
	}

	public void add(String field, String messageKey, Object... args) {
		errors.add(new FieldError(field, messageKey, args));
	}

	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** A text that must be filled, at most {@code max} characters; {@code null} after an error. */
	public String required(String field, String text, int max) {
		return text(field, text, max, true);
	}

	/** An optional text, at most {@code max} characters; {@code null} when blank. */
	public String optional(String field, String text, int max) {
		return text(field, text, max, false);
	}

	private String text(String field, String text, int max, boolean required) {
		int before = errors.size();
		String s = TEXT.read(text, field, max, required, errors);
		return errors.size() > before ? null : s;
	}

	/** One of the enum's names (case-insensitive); {@code null} when blank and not required, or after an error. */
	public <E extends Enum<E>> E choice(String field, String text, Class<E> type, boolean required) {
		String s = text == null ? "" : text.strip();
		if (s.isEmpty()) {
			if (required) {
				add(field, "actor.input.required");
			}
			return null;
		}
		Optional<E> value = Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equalsIgnoreCase(s))
			.findFirst();
		if (value.isEmpty()) {
			add(field, "actor.input.choice", s, Arrays.stream(type.getEnumConstants())
				.map(Enum::name)
				.collect(Collectors.joining(", ")));
			return null;
		}
		return value.get();
	}

	/** Several enum names; unknown ones are errors. */
	public <E extends Enum<E>> List<E> choices(String field, List<String> texts, Class<E> type) {
		List<E> values = new ArrayList<>();
		if (texts != null) {
			for (String t : texts) {
				if (t != null && !t.isBlank()) {
					E e = choice(field, t, type, false);
					if (e != null && !values.contains(e)) {
						values.add(e);
					}
				}
			}
		}
		return values;
	}

	/**
	 * An optional date ({@code 2024-05-01}, {@code 2024/5/1}, {@code 2024年5月1日} and the other forms
	 * {@link DateText} reads) not after {@code latest} (if given).
	 */
	public LocalDate date(String field, String text, LocalDate latest, boolean required) {
		String s = text == null ? "" : text.strip();
		if (s.isEmpty()) {
			if (required) {
				add(field, "actor.input.required");
			}
			return null;
		}
		try {
			LocalDate d = DateText.parse(s);
			if (latest != null && d.isAfter(latest)) {
				add(field, "actor.input.date-future");
				return null;
			}
			return d;
		}
		catch (DateText.NotADate ex) {
			add(field, "actor.input.date", s);
			return null;
		}
	}

	/** A decimal number in {@code [min, max]} with at most {@code scale} decimals. */
	public BigDecimal decimal(String field, String text, BigDecimal min, BigDecimal max, int scale,
			boolean required) {
		String s = text == null ? "" : text.strip().replace(",", "").replace("，", "");
		if (s.isEmpty()) {
			if (required) {
				add(field, "actor.input.required");
			}
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(s);
			if (d.scale() > scale && d.stripTrailingZeros().scale() > scale) {
				add(field, "actor.input.decimals", scale);
				return null;
			}
			if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
				add(field, "actor.input.range", min.toPlainString(), max.toPlainString());
				return null;
			}
			return d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			add(field, "actor.input.number", s);
			return null;
		}
	}

	/**
	 * Money in yuan of at least {@code min}, read by the shared {@link Money} (万, full-width digits, thousands
	 * separators, 元) and limited to what DECIMAL(14,2) holds.
	 */
	public BigDecimal yuan(String field, String text, BigDecimal min, boolean required) {
		try {
			BigDecimal value = Money.parse(text);
			if (value == null) {
				if (required) {
					add(field, "actor.input.required");
				}
				return null;
			}
			if (value.compareTo(min) < 0) {
				add(field, "actor.input.range", min.toPlainString(), Money.MAX_YUAN.toPlainString());
				return null;
			}
			return value;
		}
		catch (Money.Refused ex) {
			switch (ex.problem()) {
				case DECIMALS -> add(field, "actor.input.decimals", 2);
				case NEGATIVE, TOO_LARGE ->
					add(field, "actor.input.range", min.toPlainString(), Money.MAX_YUAN.toPlainString());
				default -> add(field, "actor.input.number", text.strip());
			}
			return null;
		}
	}

	/** A whole number in {@code [min, max]}. */
	public Integer integer(String field, String text, int min, int max, boolean required) {
		BigDecimal d = decimal(field, text, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0, required);
		return d == null ? null : d.intValueExact();
	}

	/** A valid ID number (GB 11643-1999). */
	public IdNumber idNumber(String field, String text, LocalDate today, boolean required) {
		if ((text == null || text.isBlank()) && !required) {
			return null;
		}
		Optional<String> problem = IdNumber.problem(text);
		if (problem.isPresent()) {
			add(field, problem.get());
			return null;
		}
		IdNumber id = IdNumber.parse(text);
		if (today != null && id.birthDate().isAfter(today)) {
			add(field, "actor.id-number.birth-date");
			return null;
		}
		return id;
	}

	/** A valid mainland phone number (mobile or landline with area code). */
	public PhoneNumber phone(String field, String text, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				add(field, "actor.input.required");
			}
			return null;
		}
		Optional<String> problem = PhoneNumber.problem(text);
		if (problem.isPresent()) {
			add(field, problem.get(), PhoneNumber.digits(text));
			return null;
		}
		return PhoneNumber.parse(text);
	}

	/** Lower-case enum name, for message keys. */
	public static String key(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
