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

	/** This scope narrowed to the subtree of {@code code}; 404 (as if it did not exist) when they do not overlap. */
	public RegionScope within(RegionCode code) {
		RegionScope narrowed = narrowTo(code);
		if (narrowed == null) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return narrowed;
	}

	/** The scope of a list filter: this scope narrowed to the region code {@code within}, blank for this scope. */
	public RegionScope within(String within) {
		return within == null || within.isBlank() ? this : within(RegionCode.parse(within));
	}

}
