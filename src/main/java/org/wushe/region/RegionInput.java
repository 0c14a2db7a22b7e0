package org.wushe.region;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wushe.shared.FieldError;

/**
 * Checks a region code typed into a form, an API body or a workbook: well-formed, known, inside the user's scope and,
 * where asked, of a given level. Also narrows list filters to the scope (404 when outside, as if it did not exist).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegionInput {

	private final Regions regions;

	/** The region, or empty after adding a field error for {@code field}. */
	public Optional<Region> check(String field, String text, RegionScope scope, RegionLevel level,
			List<FieldError> errors) {
		Optional<String> problem = problem(text, scope, level);
		if (problem.isPresent()) {
			errors.add(new FieldError(field, problem.get(), text == null ? "" : text.strip()));
			return Optional.empty();
		}
		return regions.find(RegionCode.parse(text));
	}

	/** The message key of what is wrong with {@code text} (argument: the text), or empty when it is usable. */
	public Optional<String> problem(String text, RegionScope scope, RegionLevel level) {
		if (text == null || text.isBlank()) {
			return Optional.of("region.input.blank");
		}
		if (!RegionCode.isValid(text)) {
			return Optional.of("region.input.malformed");
		}
		RegionCode code = RegionCode.parse(text);
		if (!scope.covers(code)) {
			return Optional.of("region.input.out-of-scope");
		}
		Optional<Region> region = regions.find(code);
		if (region.isEmpty()) {
			return Optional.of("region.input.unknown");
		}
		if (level != null && region.get().level() != level) {
			return Optional.of(level == RegionLevel.VILLAGE ? "region.input.not-village" : "region.input.wrong-level");
		}
		return Optional.empty();
	}

	/** The list scope: the user's scope narrowed to {@code within} (blank = the whole scope); 404 outside. */
	public RegionScope narrow(RegionScope scope, String within) {
		return scope.within(within, "within");
	}

	public Optional<Region> find(RegionCode code) {
		return regions.find(code);
	}

	public String name(RegionCode code) {
		return regions.find(code).map(Region::name).orElse(code.value());
	}

	public List<Region> children(RegionCode code) {
		return regions.children(code);
	}

}
