package org.wushe.actor.volunteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.RegistryWorkbookBase;
import org.wushe.personal.FieldChecks;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalColumn;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.personal.SealedValue;
import org.wushe.actor.registry.PersonImportPlan;
import org.wushe.actor.registry.PersonalCells;
import org.wushe.actor.registry.TextList;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;

/**
 * The volunteer workbook: the import layout (template and upload), the import plan (checks as the form does, ID
 * numbers unique in the file and in the registry, numbers reserved per batch) and the export report.
 */
@Component
class VolunteerExcel extends RegistryWorkbookBase<Volunteers.Exported> {

	static final ExcelColumn<String> NAME = ExcelColumn.text("actor.excel.column.person-name", 50)
		.required()
		.example("actor.excel.example.person-name");

	static final ExcelColumn<IdNumber> ID_NUMBER = ExcelColumn.of("field.idNumber", PersonalCells.idNumber())
		.required()
		.width(22)
		.example("actor.excel.example.id-number");

	static final ExcelColumn<PhoneNumber> PHONE = ExcelColumn.of("field.phone", PersonalCells.phone())
		.width(16)
		.example("actor.excel.example.phone");

	static final ExcelColumn<String> REGION = ExcelColumn.regionCode("actor.excel.column.region")
		.required()
		.note("actor.excel.note.region-in-scope")
		.example("actor.excel.example.region");

	static final ExcelColumn<String> TEAMS = ExcelColumn.text("field.teams", 400)
		.note("actor.excel.note.list")
		.example("actor.excel.example.teams");

	static final ExcelColumn<String> SKILLS = ExcelColumn.text("field.skills", 400)
		.note("actor.excel.note.list")
		.example("actor.excel.example.skills");

	static final ExcelColumn<VolunteerStatus> STATUS = ExcelColumn
		.choice("field.status", Arrays.asList(VolunteerStatus.values()), VolunteerStatus::messageKey)
		.note("actor.excel.note.status-default");

	static final ExcelLayout LAYOUT = new ExcelLayout("actor.excel.sheet.volunteers",
			List.of(NAME, ID_NUMBER, PHONE, REGION, TEAMS, SKILLS, STATUS),
			List.of("actor.excel.instruction.personal-data", "actor.excel.instruction.volunteer-number"));

	private final Volunteers volunteers;

	private final VolunteerNumbers numbers;

	VolunteerExcel(Volunteers volunteers, VolunteerNumbers numbers, RegistryWorkbookBase.Tools tools) {
		super(new Names("volunteers", VolunteerService.ENTITY, false, LAYOUT), tools);
		this.volunteers = volunteers;
		this.numbers = numbers;
	}

	@Override
	protected ImportPlan<Volunteers.Values> plan(RegionScope scope) {
		return new Plan(scope);
	}

	/** One import; volunteer numbers are given out per batch, in the order of the rows. */
	private final class Plan extends PersonImportPlan<Volunteers.Values> {

		Plan(RegionScope scope) {
			super(support, scope, LAYOUT, ID_NUMBER, volunteers);
		}

		@Override
		public Volunteers.Values convert(ImportRow row) {
			String region = checks.region(row, REGION);
			SealedValue sealedId = checks.idNumber(row, ID_NUMBER);
			FieldChecks lists = new FieldChecks();
			List<String> teams = VolunteerService.items(lists, "teams", List.of(orEmpty(row.get(TEAMS))));
			List<String> skills = VolunteerService.items(lists, "skills", List.of(orEmpty(row.get(SKILLS))));
			lists.errors().forEach(e -> row.reject(e.field().equals("teams") ? TEAMS : SKILLS, e.messageKey()));
			if (row.hasErrors()) {
				return null;
			}
			PhoneNumber phone = row.get(PHONE);
			VolunteerStatus status = row.get(STATUS);
			return new Volunteers.Values(row.get(NAME), sealedId,
					support.seal(phone), region, teams, skills,
					status == null ? VolunteerStatus.ACTIVE : status);
		}

		@Override
		public void store(List<Volunteers.Values> batch) {
			Map<String, List<Integer>> byPrefix = new LinkedHashMap<>();
			for (int i = 0; i < batch.size(); i++) {
				String prefix = VolunteerNumbers.prefix(RegionCode.parse(batch.get(i).regionCode()));
				byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(i);
			}
			String[] assigned = new String[batch.size()];
			Map<String, Integer> counts = new HashMap<>();
			byPrefix.forEach((prefix, rows) -> counts.put(prefix, rows.size()));
			Map<String, Long> firsts = numbers.reserveAll(counts);
			byPrefix.forEach((prefix, rows) -> {
				long first = firsts.get(prefix);
				for (int k = 0; k < rows.size(); k++) {
					assigned[rows.get(k)] = VolunteerNumbers.format(prefix, first + k);
				}
			});
			volunteers.insertAll(Arrays.asList(assigned), batch, support.writer().now(), support.writer().name());
			support.importedBatch("volunteer.import", VolunteerService.ENTITY,
					assigned[0] + ".." + assigned[assigned.length - 1], scope, batch.size());
		}

	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}

	/** The export: masked personal data, or full values through an audited opener. */
	@Override
	protected Stream<Volunteers.Exported> rows(ListQuery query) {
		return volunteers.stream(query);
	}

	@Override
	protected ExcelReport<Volunteers.Exported> report(String regionName, PersonalData.Opener opener) {
		List<ExportColumn<Volunteers.Exported>> columns = new ArrayList<>();
		columns.add(ExportColumn.<Volunteers.Exported>text("field.volunteerNumber", e -> e.volunteer().volunteerNumber())
			.width(18));
		columns.add(ExportColumn.text("actor.excel.column.person-name", e -> e.volunteer().name()));
		columns.add(PersonalColumn.<Volunteers.Exported>idNumber("field.idNumber", opener,
				e -> e.volunteer().idNumber(), Volunteers.Exported::idNumberCipher));
		columns.add(PersonalColumn.<Volunteers.Exported>phone("field.phone", opener, e -> e.volunteer().phone(),
				Volunteers.Exported::phoneCipher));
		columns.add(ExportColumn.text("actor.excel.column.region", e -> e.volunteer().regionCode()));
		columns.add(ExportColumn.text("actor.excel.column.region-name", e -> e.volunteer().regionName()));
		columns.add(ExportColumn.<Volunteers.Exported>text("field.teams",
				e -> String.join(TextList.DISPLAY_SEPARATOR, e.volunteer().teams()))
			.width(30));
		columns.add(ExportColumn.<Volunteers.Exported>text("field.skills",
				e -> String.join(TextList.DISPLAY_SEPARATOR, e.volunteer().skills()))
			.width(30));
		columns.add(ExportColumn.label("field.status", e -> e.volunteer().status().messageKey()));
		columns.add(ExportColumn.dateTime("actor.excel.column.created-at", e -> e.volunteer().createdAt()));
		return new ExcelReport<>("actor.excel.title.volunteers", List.of(regionName), "actor.excel.sheet.volunteers",
				columns);
	}

}
