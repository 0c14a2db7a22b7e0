package org.wushe.region;

import org.wushe.shared.BusinessException;

/**
 * A user's data scope: the subtree of one region. Everything a user may see or touch lies inside it; queries bind
 * {@link #from()} and {@link #to()} as parameters.
 */
public record RegionScope(RegionCode root) {

	public boolean covers(RegionCode code) {
		return root.contains(code);
	}

	public String from() {
		return root.subtreeFrom();
	}

	public String to() {
		return root.subtreeTo();
	}

	/** The narrower of this scope and the subtree of {@code code}, or {@code null} if they do not overlap. */
	public RegionScope narrowTo(RegionCode code) {
		if (covers(code)) {
			return new RegionScope(code);
		}
		return code.contains(root) ? this : null;
	}

	/**
	 * The scope of a list narrowed to {@code code} (see {@link #narrowTo}); 404 ({@code region.error.unknown}) when
	 * the two do not overlap, so a region outside the scope looks the same as one that does not exist.
	 */
	public RegionScope within(RegionCode code) {
		RegionScope narrowed = narrowTo(code);
		if (narrowed == null) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return narrowed;
	}

	/**
	 * As {@link #within(RegionCode)}, for a region code sent as {@code field} (a filter such as {@code within}):
	 * blank means the whole scope; a malformed code is a 400 naming the field.
	 */
	public RegionScope within(String text, String field) {
		if (text == null || text.isBlank()) {
			return this;
		}
		return within(RegionCode.parse(text, field));
	}

	/**
	 * As {@link #within(String, String)}, read leniently for showing a refused form again: a blank, malformed or
	 * unreachable code reads as the whole scope (the form's own checks name the field).
	 */
	public RegionScope withinOrWhole(String text) {
		String code = text == null ? "" : text.strip();
		RegionScope narrowed = RegionCode.isValid(code) ? narrowTo(RegionCode.parse(code)) : null;
		return narrowed == null ? this : narrowed;
	}

}
