package org.wushe.activity.web;

import java.nio.charset.StandardCharsets;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.activity.ActivityImport;
import org.wushe.activity.ImportResult;
import org.wushe.activity.ProgressTableExport;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;

/**
 * The progress table (附件1) as a workbook: {@code GET /api/campaigns/{id}/progress-table.xlsx} and
 * {@code POST /api/campaigns/{id}/activities/import}.
 */
@RestController
@RequiredArgsConstructor
class WorkbookApi {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ProgressTableExport export;

	private final ActivityImport imports;

	@GetMapping("/api/campaigns/{id}/progress-table.xlsx")
	@PreAuthorize("hasAuthority('activity:view')")
	ResponseEntity<StreamingResponseBody> progressTable(@PathVariable long id,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "1") int deadline,
			@RequestParam(defaultValue = "false") boolean full, @AuthenticationPrincipal CurrentUser user) {
		RegionCode code = user.requested(region, "region");
		if (full && !user.can(Permissions.PERSONAL_DATA_VIEW)) {
			throw BusinessException.forbidden("actor.personal-data.forbidden");
		}
		ProgressTableExport.Export e = export.prepare(user.scope(), id, code, deadline, full ? user : null);
		StreamingResponseBody body = out -> e.body().writeTo(out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(e.filename(), StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	@PostMapping(path = "/api/campaigns/{id}/activities/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('activity:record')")
	ImportResult importTable(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "all") String mode,
			@AuthenticationPrincipal CurrentUser user) {
		return imports.importTable(user.scope(), id, regionCode == null ? user.region().value() : regionCode, mode,
				file, file == null ? 0 : file.getSize(), file == null ? null : file.getOriginalFilename(),
				user.getUsername());
	}

}
