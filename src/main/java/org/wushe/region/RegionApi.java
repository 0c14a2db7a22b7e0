package org.wushe.region;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.shared.BusinessException;

/**
 * {@code /api/regions}: look-up, children and search inside the caller's scope. Codes outside the scope answer 404 as
 * if they did not exist; malformed codes answer 400.
 */
@RestController
@RequestMapping("/api/regions")
@PreAuthorize("hasAuthority('region:view')")
@RequiredArgsConstructor
class RegionApi {

	record PathEntry(String code, String name) {
	}

	record RegionJson(String code, String name, int level, String parentCode, int childCount, List<PathEntry> path) {
	}

	record ChildJson(String code, String name, int level, int childCount) {
	}

	private final Regions regions;

	@GetMapping("/{code}")
	RegionJson region(@PathVariable String code, RegionScope scope) {
		Region region = regions.get(visible(code, scope));
		List<PathEntry> path = regions.path(region.code())
			.stream()
			.map(r -> new PathEntry(r.code().value(), r.name()))
			.toList();
		return new RegionJson(region.code().value(), region.name(), region.level().number(),
				region.parentCode() == null ? null : region.parentCode().value(), region.childCount(), path);
	}

	@GetMapping("/{code}/children")
	List<ChildJson> children(@PathVariable String code, RegionScope scope) {
		RegionCode parent = regions.get(visible(code, scope)).code();
		return regions.children(parent).stream().map(RegionApi::child).toList();
	}

	@GetMapping
	List<ChildJson> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String within,
			@RequestParam(defaultValue = "50") int limit, RegionScope scope) {
		RegionCode root = within == null || within.isBlank() ? scope.root() : regions.get(visible(within, scope)).code();
		return regions.search(q, root, Math.min(Math.max(limit, 1), 200)).stream().map(RegionApi::child).toList();
	}

	private static ChildJson child(Region r) {
		return new ChildJson(r.code().value(), r.name(), r.level().number(), r.childCount());
	}

	/** Parses the code and hides anything outside the scope behind a 404. */
	static RegionCode visible(String text, RegionScope scope) {
		RegionCode code = RegionCode.parse(text);
		if (!scope.covers(code)) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return code;
	}

}
