package org.wushe.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.TextHygiene;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Where {@link TextHygiene} is applied: to every string of a JSON body, and to every form and query parameter, before
 * a controller sees them; and where JSON is kept from guessing: a number is not a date.
 */
@Configuration
class InputHygiene {

	@Bean
	JsonMapperBuilderCustomizer cleanJsonInput() {
		SimpleModule strings = new SimpleModule("wushe-text-hygiene");
		strings.addDeserializer(String.class, new CleanStrings());
		return builder -> builder.addModule(strings)
			.withCoercionConfig(LogicalType.DateTime,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
	}

	/** The form and query parameters of every request a controller handles. */
	static HandlerInterceptor cleanParameters() {
		return new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
					String name = parameter.getKey();
					String problem = TextHygiene.problem("", name);
					for (String value : parameter.getValue()) {
						problem = problem != null ? problem : TextHygiene.problem(name, value);
					}
					if (problem != null) {
						throw InvalidInputException.of(TextHygiene.shown(name), problem);
					}
				}
				return true;
			}
		};
	}

	/** JSON strings, refused (naming the JSON path) when {@link TextHygiene} finds a character out of place. */
	static final class CleanStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			String field = fieldName(p);
			if (p.currentToken() != null && p.currentToken().isNumeric() && isDate(field)) {
				// a date is text ("2025-03-01"); a number would be read as a count of days
				throw new UncleanText(p, "error.json.type.date");
			}
			String value = super.deserialize(p, ctxt);
			String problem = TextHygiene.problem(field, value);
			if (problem != null) {
				throw new UncleanText(p, problem);
			}
			return value;
		}

		/** Date fields are named so: {@code startDate}, {@code receivedOn}, {@code summaryDeadline}, ... */
		static boolean isDate(String field) {
			return field.endsWith("Date") || field.endsWith("On") || field.endsWith("Deadline")
					|| field.equals("deadlines") || field.equals("date");
		}

		private static String fieldName(JsonParser p) {
			TokenStreamContext context = p.streamReadContext();
			while (context != null && !context.hasCurrentName()) {
				context = context.getParent();
			}
			return context == null ? "" : context.currentName();
		}

	}

	/** A JSON string with a character {@link TextHygiene} refuses; {@link #messageKey()} says which rule. */
	static final class UncleanText extends MismatchedInputException {

		private final String messageKey;

		UncleanText(JsonParser p, String messageKey) {
			super(p, messageKey, String.class);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}

	}

}
