package org.wushe.site;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.excel.ExcelImports;
import org.wushe.shared.excel.ImportError;
import org.wushe.shared.excel.ImportJob;
import org.wushe.shared.excel.ImportMode;

/**
 * {@code /api/sites}: the three-tier network as JSON. Reads need {@code site:view}, writes {@code site:manage};
 * everything is limited to the caller's scope, and ids or regions outside it answer 404. Staff phones are masked
 * unless marked public.
 */
@RestController
@RequestMapping("/api/sites")
@PreAuthorize("hasAuthority('site:view')")
@Tag(name = "Sites", description = "County centres, township stations and village rooms; coverage")
@RequiredArgsConstructor
class SiteApi {

	record StaffJson(String name, String post, String phone, boolean phonePublic, Long workerId) {
	}

	record SiteJson(long id, SiteType type, String regionCode, String regionName, String name, String address,
			String phone, String openingHours, String serviceContent, List<ServiceItem> serviceItems,
			List<StaffJson> staff, String serviceProcess, SiteStatus status, LocalDate plannedOn, LocalDate openedOn,
			LocalDate suspendedOn, LocalDate closedOn, BigDecimal latitude, BigDecimal longitude, Instant createdAt,
			Instant updatedAt, int version, String publicUrl) {
	}

	record JobJson(String id, ImportJob.State state, ImportMode mode, String fileName, long rowsRead, long totalRows,
			long stored, long errorRows, long errorCount, List<ImportError> errors, String problem) {

		static JobJson of(ImportJob j) {
			return new JobJson(j.id(), j.state(), j.mode(), j.fileName(), j.rowsRead(), j.totalRows(), j.stored(),
					j.errorRows(), j.errorCount(), j.errors(), j.problem());
		}

	}

	private final SiteService sites;

	private final Regions regions;

	private final AuditTrail audit;

	private final ExcelImports imports;

	private final SiteLinks links;

	@GetMapping
	@Operation(summary = "Sites in the caller's scope, filtered by region subtree, type, status and name or pinyin initials")
	List<SiteRow> list(@RequestParam(required = false) String within, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			RegionScope scope) {
		return sites.list(scope, SiteController.query(within, type, status, q), offset, Math.min(Math.max(size, 1), 1000));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('site:manage')")
	@Operation(summary = "Create a site: {type: CENTRE|STATION|ROOM, regionCode, name, address, phone, status: PLANNED|OPERATING|SUSPENDED|CLOSED, ...}")
	SiteJson create(@RequestBody SiteInput input, RegionScope scope) {
		return json(sites.create(input, scope));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One site; staff phones masked unless public")
	SiteJson get(@PathVariable long id, RegionScope scope) {
		return json(sites.get(id, scope));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('site:manage')")
	@Operation(summary = "Change a site; type and region stay; masked staff phones are kept as they were")
	SiteJson update(@PathVariable long id, @RequestBody SiteInput input, RegionScope scope) {
		Site existing = sites.get(id, scope);
		List<StaffMember> staff = new ArrayList<>();
		for (int i = 0; i < input.staff().size(); i++) {
			StaffMember m = input.staff().get(i);
			if (m != null && m.phone() != null && m.phone().contains("*") && i < existing.staff().size()
					&& m.phone().equals(existing.staff().get(i).shownPhone())) {
				m = new StaffMember(m.name(), m.post(), existing.staff().get(i).phone(), m.phonePublic(), m.workerId());
			}
			staff.add(m);
		}
		SiteInput kept = new SiteInput(input.type(), input.regionCode(), input.name(), input.address(), input.phone(),
				input.openingHours(), input.serviceContent(), input.serviceItems(), staff, input.serviceProcess(),
				input.status(), input.plannedOn(), input.openedOn(), input.suspendedOn(), input.closedOn(),
				input.latitude(), input.longitude(), input.version());
		return json(sites.update(id, kept, scope));
	}

	@GetMapping("/coverage")
	@Operation(summary = "Counts and coverage of a region subtree: {centres, stations, rooms, countyCoverage, townshipCoverage, villageCoverage} (fractions 0..1)")
	Coverage coverage(@RequestParam(required = false) String region, RegionScope scope) {
		return sites.coverage(region == null || region.isBlank() ? scope.root() : RegionCode.parse(region, "region"), scope);
	}

	@GetMapping("/coverage/children")
	@Operation(summary = "Coverage of each child region, to see which ones lag")
	List<Coverage> childCoverage(@RequestParam(required = false) String region, RegionScope scope) {
		return sites.childCoverage(region == null || region.isBlank() ? scope.root() : RegionCode.parse(region, "region"),
				scope);
	}

	@GetMapping("/import/template")
	@PreAuthorize("hasAuthority('site:manage')")
	@Operation(summary = "The Excel import template with instructions")
	void template(HttpServletResponse response) throws IOException {
		imports.downloadTemplate(SiteImport.LAYOUT, "site.import.file-name", response);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('site:manage')")
	@Operation(summary = "Import sites from an .xlsx file; mode ALL (all or nothing) or VALID (valid rows only)")
	ResponseEntity<JobJson> importSites(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, RegionScope scope,
			@AuthenticationPrincipal CurrentUser user) {
		ImportJob job = imports.start(file, new SiteImport(sites, regions, audit, scope), ImportMode.parse(mode),
				user.getUsername());
		return ResponseEntity.status(job.isFinished() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(JobJson.of(job));
	}

	@GetMapping("/import/{jobId}")
	@PreAuthorize("hasAuthority('site:manage')")
	@Operation(summary = "Progress and result of an import")
	JobJson importJob(@PathVariable String jobId, @AuthenticationPrincipal CurrentUser user) {
		return imports.job(jobId, user.getUsername())
			.map(JobJson::of)
			.orElseThrow(() -> BusinessException.notFound("site.import.unknown-job"));
	}

	private SiteJson json(Site s) {
		return new SiteJson(s.id(), s.type(), s.regionCode().value(), s.regionName(), s.name(), s.address(),
				s.phone(), s.openingHours(), s.serviceContent(), s.serviceItems(),
				s.staff()
					.stream()
					.map(m -> new StaffJson(m.name(), m.post(), m.shownPhone(), m.phonePublic(), m.workerId()))
					.toList(),
				s.serviceProcess(), s.status(), s.plannedOn(), s.openedOn(), s.suspendedOn(), s.closedOn(),
				s.latitude(), s.longitude(), s.createdAt(), s.updatedAt(), s.version(), links.publicUrl(s.publicId()));
	}

}
