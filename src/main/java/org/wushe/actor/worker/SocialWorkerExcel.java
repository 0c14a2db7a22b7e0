package org.wushe.actor.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.RegistryWorkbookBase;
import org.wushe.actor.Gender;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalColumn;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.actor.Qualification;
import org.wushe.personal.SealedValue;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.actor.registry.PersonImportPlan;
import org.wushe.actor.registry.PersonalCells;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;

/**
 * The social-worker workbook: import layout and plan (employers named by credit code), export report. Posted sites
 * are set on the worker's page, not by import.
 */
@Component
class SocialWorkerExcel extends RegistryWorkbookBase<SocialWorkers.Exported> {

	static final ExcelColumn<String> NAME = ExcelColumn.text("actor.excel.column.person-name", 50)
		.required()
		.example("actor.excel.example.person-name");

	static final ExcelColumn<Gender> GENDER = ExcelColumn
		.choice("field.gender", Arrays.asList(Gender.values()), Gender::messageKey)
		.required()
		.width(8);

	static final ExcelColumn<IdNumber> ID_NUMBER = ExcelColumn.of("field.idNumber", PersonalCells.idNumber())
		.required()
		.width(22)
		.example("actor.excel.example.id-number");

	static final ExcelColumn<PhoneNumber> PHONE = ExcelColumn.of("field.phone", PersonalCells.phone())
		.width(16)
		.example("actor.excel.example.phone");

	static final ExcelColumn<Qualification> QUALIFICATION = ExcelColumn
		.choice("field.qualification", Arrays.asList(Qualification.values()), Qualification::messageKey)
		.required()
		.width(18);

	static final ExcelColumn<String> CERTIFICATE = ExcelColumn.text("field.certificateNumber", 50)
		.note("actor.excel.note.certificate")
		.example("actor.excel.example.certificate");

	static final ExcelColumn<String> REGION = ExcelColumn.regionCode("actor.excel.column.region")
		.required()
		.note("actor.excel.note.region-in-scope")
		.example("actor.excel.example.region");

	static final ExcelColumn<WorkerPost> POST = ExcelColumn
		.choice("field.post", Arrays.asList(WorkerPost.values()), WorkerPost::messageKey)
		.width(18);

	static final ExcelColumn<String> EMPLOYER = ExcelColumn.text("actor.excel.column.employer-code", 30)
		.width(22)
		.note("actor.excel.note.employer");

	static final ExcelColumn<WorkerStatus> STATUS = ExcelColumn
		.choice("field.status", Arrays.asList(WorkerStatus.values()), WorkerStatus::messageKey);

	static final ExcelLayout LAYOUT = new ExcelLayout("actor.excel.sheet.workers",
			List.of(NAME, GENDER, ID_NUMBER, PHONE, QUALIFICATION, CERTIFICATE, REGION, POST, EMPLOYER, STATUS),
			List.of("actor.excel.instruction.personal-data", "actor.excel.instruction.worker-unique"));

	private final SocialWorkers workers;

	private final OrganizationService organizations;

	SocialWorkerExcel(SocialWorkers workers, OrganizationService organizations, RegistryWorkbookBase.Tools tools) {
		super(new Names("workers", SocialWorkerService.ENTITY, true, LAYOUT), tools);
		this.workers = workers;
		this.organizations = organizations;
	}

	@Override
	protected ImportPlan<SocialWorkers.Values> plan(RegionScope scope) {
		Map<String, Optional<Long>> employers = new HashMap<>();
		return new PersonImportPlan<>(support, scope, LAYOUT, ID_NUMBER, workers) {
			@Override
			public SocialWorkers.Values convert(ImportRow row) {
				SealedValue sealedId = checks.idNumber(row, ID_NUMBER);
				String region = checks.region(row, REGION);
				Qualification qualification = row.get(QUALIFICATION);
				String certificate = row.get(CERTIFICATE);
				if (qualification.certified() && (certificate == null || certificate.isBlank())) {
					row.reject(CERTIFICATE, "actor.worker.certificate-required");
				}
				Long employerId = null;
				String employer = row.get(EMPLOYER);
				if (employer != null && !employer.isBlank()) {
					String code = employer.strip().toUpperCase(java.util.Locale.ROOT);
					Optional<Long> found = employers.computeIfAbsent(code,
							c -> organizations.idByCreditCode(scope, c));
					if (found.isEmpty()) {
						row.reject(EMPLOYER, "actor.worker.employer-unknown", code);
					}
					else {
						employerId = found.get();
					}
				}
				if (row.hasErrors()) {
					return null;
				}
				PhoneNumber phone = row.get(PHONE);
				WorkerPost post = row.get(POST);
				WorkerStatus status = row.get(STATUS);
				return new SocialWorkers.Values(row.get(NAME), row.get(GENDER), sealedId,
						support.seal(phone), qualification,
						certificate == null || certificate.isBlank() ? null : certificate, employerId, region,
						post == null ? WorkerPost.STATION_WORKER : post, status == null ? WorkerStatus.ACTIVE : status,
						List.of());
			}

			@Override
			public void store(List<SocialWorkers.Values> batch) {
				workers.insertAll(batch, support.writer().now(), support.writer().name());
				support.importedBatch("social-worker.import", SocialWorkerService.ENTITY, null, scope, batch.size());
			}
		};
	}

	@Override
	protected Stream<SocialWorkers.Exported> rows(ListQuery query) {
		return workers.stream(query);
	}

	@Override
	protected ExcelReport<SocialWorkers.Exported> report(String regionName, PersonalData.Opener opener) {
		List<ExportColumn<SocialWorkers.Exported>> columns = new ArrayList<>();
		columns.add(ExportColumn.text("actor.excel.column.person-name", e -> e.worker().name()));
		columns.add(ExportColumn.<SocialWorkers.Exported>label("field.gender", e -> e.worker().gender().messageKey()).width(8));
		columns.add(PersonalColumn.<SocialWorkers.Exported>idNumber("field.idNumber", opener,
				e -> e.worker().idNumber(), SocialWorkers.Exported::idNumberCipher));
		columns.add(PersonalColumn.<SocialWorkers.Exported>phone("field.phone", opener, e -> e.worker().phone(),
				SocialWorkers.Exported::phoneCipher));
		columns.add(ExportColumn.<SocialWorkers.Exported>label("field.qualification", e -> e.worker().qualification().messageKey()).width(16));
		columns.add(ExportColumn.text("field.certificateNumber", e -> e.worker().certificateNumber()));
		columns.add(ExportColumn.<SocialWorkers.Exported>label("field.post", e -> e.worker().post().messageKey()).width(16));
		columns.add(ExportColumn.<SocialWorkers.Exported>text("field.employerId", e -> e.worker().employerName())
			.width(30));
		columns.add(ExportColumn.text("actor.excel.column.region", e -> e.worker().regionCode()));
		columns.add(ExportColumn.text("actor.excel.column.region-name", e -> e.worker().regionName()));
		columns.add(ExportColumn.<SocialWorkers.Exported>label("field.status", e -> e.worker().status().messageKey()));
		columns.add(ExportColumn.dateTime("actor.excel.column.created-at", e -> e.worker().createdAt()));
		return new ExcelReport<>("actor.excel.title.workers", List.of(regionName), "actor.excel.sheet.workers",
				columns);
	}

}
