package org.wushe.region;

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

}
