package org.wushe.access;

import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * How a request reads the region it is filtered to, sent as a request parameter: blank means the root of the scope; a
 * malformed code is a 400 naming the field; a region beside the scope is a 404 ({@code region.error.unknown}), so it
 * looks the same as one that does not exist. The readings differ only for a region above the scope: the figures
 * of one region ({@link #read}) refuse it with 404, a list ({@link #narrow}) reads it as the whole scope, and a
 * campaign's board or table ({@link #requested}) leaves it to the campaign, which reads a region above its own as
 * its own.
 */
public final class RegionFilter {

	private RegionFilter() {
	}

	/** The region {@code text} (sent as {@code field}) names inside {@code scope}, or the scope's root when blank. */
	public static RegionCode read(RegionScope scope, String text, String field) {
		if (text == null || text.isBlank()) {
			return scope.root();
		}
		RegionCode code = RegionCode.parse(text, field);
		if (!scope.covers(code)) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return code;
	}

	/**
	 * The region a list inside {@code scope} is narrowed to: as {@link #read}, but a region above the scope reads as
	 * the scope's root (see {@link RegionScope#within(String, String)}).
	 */
	public static RegionCode narrow(RegionScope scope, String text, String field) {
		return scope.within(text, field).root();
	}

	/**
	 * The region {@code text} (sent as {@code field}) names, or the scope's root when blank; a malformed code is a 400
	 * naming the field. Not checked against the scope here: for a campaign's completeness board or 附件1 table, where
	 * a region above the campaign's own reads as the campaign's region and the service then checks the scope.
	 */
	public static RegionCode requested(RegionScope scope, String text, String field) {
		return text == null || text.isBlank() ? scope.root() : RegionCode.parse(text, field);
	}

}
