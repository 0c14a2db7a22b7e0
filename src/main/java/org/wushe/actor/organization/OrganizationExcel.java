package org.wushe.actor.organization;

import java.time.LocalDate;
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
import org.wushe.personal.CreditCode;
import org.wushe.actor.OrganizationKind;
import org.wushe.personal.PersonalColumn;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.actor.registry.ChoiceLabels;
import org.wushe.actor.registry.PersonalCells;
import org.wushe.actor.registry.TextList;
import org.wushe.region.RegionScope;
import org.wushe.shared.Texts;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;

/** The organization workbook: import layout and plan, export report. */
@Component
class OrganizationExcel extends RegistryWorkbookBase<Organizations.Exported> {

	static final ExcelColumn<String> NAME = ExcelColumn.text("field.name", 200)
		.required()
		.example("actor.excel.example.org-name");

	static final ExcelColumn<String> CREDIT_CODE = ExcelColumn.text("field.creditCode", 30)
		.required()
		.width(22)
		.note("actor.excel.instruction.credit-code")
		.example("actor.excel.example.credit-code");

	static final ExcelColumn<OrganizationKind> KIND = ExcelColumn
		.choice("field.kind", Arrays.asList(OrganizationKind.values()), OrganizationKind::messageKey)
		.required()
		.width(18);

	static final ExcelColumn<String> REGION = ExcelColumn.regionCode("actor.excel.column.region")
		.required()
		.note("actor.excel.note.region-in-scope")
		.example("actor.excel.example.region");

	static final ExcelColumn<String> REPRESENTATIVE = ExcelColumn.text("field.legalRepresentative", 50);

	static final ExcelColumn<String> CONTACT = ExcelColumn.text("field.contactPerson", 50);

	static final ExcelColumn<PhoneNumber> PHONE = ExcelColumn.of("field.contactPhone", PersonalCells.phone())
		.width(16)
		.example("actor.excel.example.phone");

	static final ExcelColumn<String> ADDRESS = ExcelColumn.text("field.address", 200);

	static final ExcelColumn<String> DOMAINS = ExcelColumn.text("field.serviceDomains", 400)
		.note("actor.excel.note.domains")
		.example("actor.excel.example.domains");

	static final ExcelColumn<LocalDate> REGISTERED_ON = ExcelColumn.date("field.registeredOn");

	static final ExcelColumn<OrganizationStatus> STATUS = ExcelColumn
		.choice("field.status", Arrays.asList(OrganizationStatus.values()), OrganizationStatus::messageKey)
		.note("actor.excel.note.status-default");

	static final ExcelLayout LAYOUT = new ExcelLayout("actor.excel.sheet.organizations",
			List.of(NAME, CREDIT_CODE, KIND, REGION, REPRESENTATIVE, CONTACT, PHONE, ADDRESS, DOMAINS, REGISTERED_ON,
					STATUS),
			List.of("actor.excel.instruction.credit-code", "actor.excel.instruction.personal-data"));

	private final Organizations organizations;

	private final ChoiceLabels choices;

	private final Texts texts;

	OrganizationExcel(Organizations organizations, ChoiceLabels choices, Texts texts, RegistryWorkbookBase.Tools tools) {
		super(new Names("organizations", OrganizationService.ENTITY, true, LAYOUT), tools);
		this.organizations = organizations;
		this.choices = choices;
		this.texts = texts;
	}

	@Override
	protected ImportPlan<Organizations.Values> plan(RegionScope scope) {
		Map<String, OrganizationDomain> domainLabels = choices.of(OrganizationDomain.values(), OrganizationDomain::messageKey);
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Optional<String>> regionProblems = new HashMap<>();
		return new ImportPlan<>() {
			@Override
			public ExcelLayout layout() {
				return LAYOUT;
			}

			@Override
			public Organizations.Values convert(ImportRow row) {
				CreditCode.Verdict verdict = CreditCode.check(row.get(CREDIT_CODE));
				if (!verdict.acceptable()) {
					row.reject(CREDIT_CODE, verdict.errorKey());
				}
				else {
					Integer earlier = seen.putIfAbsent(verdict.value(), row.number());
					if (earlier != null) {
						row.reject(CREDIT_CODE, "actor.excel.duplicate-code-in-file", earlier);
					}
					else if (organizations.creditCodeTaken(verdict.value(), null)) {
						row.reject(CREDIT_CODE, "actor.credit-code.taken", verdict.value());
					}
				}
				String region = row.get(REGION);
				regionProblems.computeIfAbsent(region, r -> support.regions().problem(r, scope, null))
					.ifPresent(key -> row.reject(REGION, key, region));
				List<OrganizationDomain> domains = new ArrayList<>();
				for (String item : TextList.parse(row.get(DOMAINS))) {
					OrganizationDomain d = domainLabels.get(ChoiceLabels.normal(item));
					if (d == null) {
						row.reject(DOMAINS, "actor.excel.unknown-domain", item);
					}
					else if (!domains.contains(d)) {
						domains.add(d);
					}
				}
				LocalDate registeredOn = row.get(REGISTERED_ON);
				if (registeredOn != null && registeredOn.isAfter(LocalDate.now(support.writer().clock()))) {
					row.reject(REGISTERED_ON, "actor.input.date-future");
				}
				if (row.hasErrors()) {
					return null;
				}
				PhoneNumber phone = row.get(PHONE);
				OrganizationStatus status = row.get(STATUS);
				return new Organizations.Values(row.get(NAME), verdict.value(), verdict.warning(), row.get(KIND),
						region, blankToNull(row.get(REPRESENTATIVE)), blankToNull(row.get(CONTACT)),
						support.seal(phone), blankToNull(row.get(ADDRESS)), domains,
						status == null ? OrganizationStatus.ACTIVE : status, registeredOn);
			}

			@Override
			public void store(List<Organizations.Values> batch) {
				organizations.insertAll(batch, support.writer().now(), support.writer().name());
				support.importedBatch("organization.import", OrganizationService.ENTITY, null, scope, batch.size());
			}
		};
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	@Override
	protected Stream<Organizations.Exported> rows(ListQuery query) {
		return organizations.stream(query);
	}

	@Override
	protected ExcelReport<Organizations.Exported> report(String regionName, PersonalData.Opener opener) {
		List<ExportColumn<Organizations.Exported>> columns = new ArrayList<>();
		columns.add(ExportColumn.<Organizations.Exported>text("field.name", e -> e.organization().name()).width(36));
		columns.add(ExportColumn.<Organizations.Exported>text("field.creditCode", e -> e.organization().creditCode())
			.width(22));
		columns.add(ExportColumn.<Organizations.Exported>text("actor.excel.column.credit-code-warning",
				e -> e.organization().creditCodeWarning() ? texts.get("actor.excel.warning") : ""));
		columns.add(ExportColumn.<Organizations.Exported>label("field.kind", e -> e.organization().kind().messageKey()).width(18));
		columns.add(ExportColumn.text("actor.excel.column.region", e -> e.organization().regionCode()));
		columns.add(ExportColumn.text("actor.excel.column.region-name", e -> e.organization().regionName()));
		columns.add(ExportColumn.text("field.legalRepresentative", e -> e.organization().legalRepresentative()));
		columns.add(ExportColumn.text("field.contactPerson", e -> e.organization().contactPerson()));
		columns.add(PersonalColumn.<Organizations.Exported>phone("field.contactPhone", opener,
				e -> e.organization().contactPhone(), Organizations.Exported::contactPhoneCipher));
		columns.add(ExportColumn.<Organizations.Exported>text("field.address", e -> e.organization().address())
			.width(30));
		columns.add(ExportColumn.<Organizations.Exported>text("field.serviceDomains",
				e -> String.join(TextList.DISPLAY_SEPARATOR,
						e.organization().serviceDomains().stream().map(d -> texts.get(d.messageKey())).toList()))
			.width(30));
		columns.add(ExportColumn.date("field.registeredOn", e -> e.organization().registeredOn()));
		columns.add(ExportColumn.<Organizations.Exported>label("field.status", e -> e.organization().status().messageKey()));
		return new ExcelReport<>("actor.excel.title.organizations", List.of(regionName),
				"actor.excel.sheet.organizations", columns);
	}

}
