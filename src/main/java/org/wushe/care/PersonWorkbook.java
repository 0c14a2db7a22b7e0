package org.wushe.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.actor.Gender;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.ExportHandling;
import org.wushe.personal.ImportHandling;
import org.wushe.personal.PersonalData;
import org.wushe.personal.RegistryWorkbook;
import org.wushe.region.Region;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;

/**
 * The people served as a workbook, like the other registries: the import (template, rows checked exactly as the form
 * checks them — scope, categories, the one-file rule, a child's guardian consent — with errors by row and column) and
 * the export (ID number, phone and address masked; in full only with {@code personal-data:view}, audited; health
 * notes never).
 */
@Component
public class PersonWorkbook implements RegistryWorkbook {

	static final int MAX_EXPORT_ROWS = 100_000;

	static final ExcelColumn<String> NAME = ExcelColumn.text("actor.excel.column.person-name", 50)
		.required()
		.example("care.excel.example.name");

	static final ExcelColumn<Gender> GENDER = ExcelColumn
		.choice("field.gender", Arrays.asList(Gender.values()), Gender::messageKey)
		.required();

	static final ExcelColumn<LocalDate> BIRTH = ExcelColumn.date("field.birthDate").required();

	static final ExcelColumn<String> ID_NUMBER = ExcelColumn.text("field.idNumber", 18)
		.width(22)
		.note("care.excel.note.id-number")
		.example("actor.excel.example.id-number");

	static final ExcelColumn<String> PHONE = ExcelColumn.text("field.phone", 20)
		.width(16)
		.example("actor.excel.example.phone");

	static final ExcelColumn<String> ADDRESS = ExcelColumn.text("field.address", 200);

	static final ExcelColumn<String> REGION = ExcelColumn.regionCode("field.regionCode")
		.required()
		.note("care.excel.note.region")
		.example("actor.excel.example.region");

	static final ExcelColumn<String> CATEGORIES = ExcelColumn.text("field.categories", 400)
		.required()
		.note("care.excel.note.categories")
		.example("care.excel.example.categories");

	static final ExcelColumn<RiskLevel> RISK = ExcelColumn
		.choice("field.riskLevel", Arrays.asList(RiskLevel.values()), RiskLevel::messageKey)
		.required();

	static final ExcelColumn<String> LIVING = ExcelColumn.text("field.livingSituation", 200);

	static final ExcelColumn<String> HEALTH = ExcelColumn.text("field.healthNotes", 1000);

	static final ExcelColumn<String> CONSENT_NAME = ExcelColumn.text("field.guardianConsent.guardianName", 50)
		.note("care.excel.note.consent");

	static final ExcelColumn<String> CONSENT_RELATION = ExcelColumn.text("field.guardianConsent.relation", 20);

	static final ExcelColumn<LocalDate> CONSENT_DATE = ExcelColumn.date("field.guardianConsent.date");

	static final ExcelColumn<ConsentMethod> CONSENT_METHOD = ExcelColumn.choice("field.guardianConsent.method",
			Arrays.asList(ConsentMethod.values()), PersonWorkbook::consentKey);

	static final ExcelLayout LAYOUT = new ExcelLayout("care.export.sheet",
			List.of(NAME, GENDER, BIRTH, ID_NUMBER, PHONE, ADDRESS, REGION, CATEGORIES, RISK, LIVING, HEALTH,
					CONSENT_NAME, CONSENT_RELATION, CONSENT_DATE, CONSENT_METHOD),
			List.of("actor.excel.instruction.personal-data", "care.excel.instruction.one-file",
					"care.excel.instruction.consent"));

	/** The column of each field the form's checks name. */
	private static final Map<String, ExcelColumn<?>> COLUMNS = Map.ofEntries(Map.entry("name", NAME),
			Map.entry("gender", GENDER), Map.entry("birthDate", BIRTH), Map.entry("idNumber", ID_NUMBER),
			Map.entry("phone", PHONE), Map.entry("address", ADDRESS), Map.entry("regionCode", REGION),
			Map.entry("categories", CATEGORIES), Map.entry("riskLevel", RISK), Map.entry("livingSituation", LIVING),
			Map.entry("healthNotes", HEALTH), Map.entry("guardianConsent", CONSENT_NAME),
			Map.entry("guardianConsent.guardianName", CONSENT_NAME),
			Map.entry("guardianConsent.relation", CONSENT_RELATION),
			Map.entry("guardianConsent.date", CONSENT_DATE), Map.entry("guardianConsent.method", CONSENT_METHOD));

	private final PersonService persons;

	private final CareCategories categories;

	private final ExportHandling exports;

	private final FieldCipher cipher;

	private final Regions regions;

	private final AuditTrail audit;

	PersonWorkbook(PersonService persons, CareCategories categories, ExportHandling exports, FieldCipher cipher,
			Regions regions, AuditTrail audit) {
		this.persons = persons;
		this.categories = categories;
		this.exports = exports;
		this.cipher = cipher;
		this.regions = regions;
		this.audit = audit;
	}

	static String consentKey(ConsentMethod m) {
		return "care.consent." + m.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Override
	public String path() {
		return "care/persons";
	}

	@Override
	public ImportHandling.ImportPage importPage() {
		return new ImportHandling.ImportPage("/care/persons", "care.excel.import", "care.excel.import-help");
	}

	@Override
	public ExcelLayout layout() {
		return LAYOUT;
	}

	@Override
	public String templateFileKey() {
		return "care.excel.template";
	}

	@Override
	public ImportPlan<Persons.Values> plan(CurrentUser user) {
		return new Plan(user.scope());
	}

	/** One import: remembers the ID numbers of earlier rows of the file and how many rows it stored. */
	private final class Plan implements ImportPlan<Persons.Values> {

		private final RegionScope scope;

		private final Map<String, Integer> seen = new HashMap<>();

		private final Map<String, String> codesByName;

		private int stored;

		Plan(RegionScope scope) {
			this.scope = scope;
			this.codesByName = new HashMap<>();
			for (CareCategories.Category c : categories.all()) {
				codesByName.put(c.code(), c.code());
				codesByName.put(c.nameZh(), c.code());
				codesByName.put(c.nameEn().toUpperCase(Locale.ROOT), c.code());
			}
		}

		@Override
		public ExcelLayout layout() {
			return LAYOUT;
		}

		@Override
		public Persons.Values convert(ImportRow row) {
			Gender gender = row.get(GENDER);
			RiskLevel risk = row.get(RISK);
			LocalDate consentDate = row.get(CONSENT_DATE);
			ConsentMethod method = row.get(CONSENT_METHOD);
			PersonInput.GuardianConsent consent = new PersonInput.GuardianConsent(row.get(CONSENT_NAME),
					row.get(CONSENT_RELATION), consentDate == null ? null : consentDate.toString(),
					method == null ? null : method.name());
			PersonInput input = new PersonInput(row.get(REGION), row.get(NAME), gender == null ? null : gender.name(),
					row.get(BIRTH) == null ? null : row.get(BIRTH).toString(), row.get(ID_NUMBER), row.get(PHONE), row.get(ADDRESS),
					row.get(HEALTH), categoryCodes(row.get(CATEGORIES)), risk == null ? null : risk.name(),
					row.get(LIVING), consent);
			Persons.Values v;
			try {
				v = persons.check(input, scope, null);
			}
			catch (InvalidInputException ex) {
				for (FieldError e : ex.errors()) {
					row.reject(COLUMNS.getOrDefault(e.field(), NAME), e.messageKey(), e.args());
				}
				return null;
			}
			catch (BusinessException ex) {
				row.reject(ID_NUMBER, ex.messageKey(), ex.args());
				return null;
			}
			if (v.idNumber() != null) {
				Integer earlier = seen.putIfAbsent(v.idNumber().searchHash(), row.number());
				if (earlier != null) {
					row.reject(ID_NUMBER, "actor.excel.duplicate-in-file", earlier);
					return null;
				}
			}
			return v;
		}

		/** Codes, Chinese or English names, separated by 、，, ; or spaces; an unknown one is kept to be named. */
		private List<String> categoryCodes(String text) {
			List<String> codes = new ArrayList<>();
			if (text == null) {
				return codes;
			}
			for (String part : text.split("[、，,;；\\s]+")) {
				if (!part.isBlank()) {
					String key = part.strip();
					codes.add(codesByName.getOrDefault(key,
							codesByName.getOrDefault(key.toUpperCase(Locale.ROOT), key)));
				}
			}
			return codes;
		}

		@Override
		public void store(List<Persons.Values> batch) {
			batch.forEach(persons::store);
			stored += batch.size();
		}

		@Override
		public void finish() {
			if (stored > 0) {
				audit.record(PersonService.who(), "person.import", PersonService.ENTITY, null, scope.root(), null,
						"rows=" + stored);
			}
		}

	}

	@Override
	public void export(CurrentUser user, Map<String, String> filters, boolean full, HttpServletResponse response) {
		RegionScope scope = user.scope().within(filters.get("region"), "region");
		String q = filters.getOrDefault("q", "");
		String category = filters.getOrDefault("category", "");
		String name = regions.find(scope.root()).map(Region::name).orElse(scope.root().value());
		exports.download(user, full, PersonService.ENTITY, scope, "q=" + q + ";category=" + category,
				opener -> report(name, opener),
				() -> persons.exportRows(scope, q, category, MAX_EXPORT_ROWS).stream(), response, "care.export.file",
				name);
	}

	/** The export's columns: masked values, or with an allowed and audited export ({@code opener}) in full. */
	ExcelReport<PersonService.Exported> report(String regionName, PersonalData.Opener opener) {
		List<ExportColumn<PersonService.Exported>> columns = new ArrayList<>();
		columns.add(ExportColumn.text("actor.excel.column.person-name", e -> e.person().name()));
		columns.add(ExportColumn.label("field.gender",
				e -> "actor.gender." + e.person().gender().toLowerCase(Locale.ROOT)));
		columns.add(ExportColumn.date("field.birthDate", e -> e.person().birthDate()));
		columns.add(ExportColumn.<PersonService.Exported>text("field.idNumber",
				e -> opener == null || e.row().idNumberCipher() == null ? e.person().idNumber()
						: opener.open(PersonalData.Kind.ID_NUMBER, e.row().idNumberCipher()))
			.width(22));
		columns.add(ExportColumn.<PersonService.Exported>text("field.phone",
				e -> opener == null || e.row().phoneCipher() == null ? e.person().phone()
						: opener.open(PersonalData.Kind.PHONE, e.row().phoneCipher()))
			.width(16));
		columns.add(ExportColumn.<PersonService.Exported>text("field.address",
				e -> opener == null || e.row().addressCipher() == null ? e.person().address()
						: cipher.decrypt(PersonService.ADDRESS, e.row().addressCipher()))
			.width(30));
		Map<String, String> byCode = new HashMap<>();
		categories.all().forEach(c -> byCode.put(c.code(), c.name()));
		columns.add(ExportColumn.text("field.categories", e -> String.join("、",
				e.person().categories().stream().map(c -> byCode.getOrDefault(c, c)).toList())));
		columns.add(ExportColumn.label("field.riskLevel",
				e -> "care.risk." + e.person().riskLevel().toLowerCase(Locale.ROOT)));
		columns.add(ExportColumn.text("field.livingSituation", e -> e.person().livingSituation()));
		columns.add(ExportColumn.text("field.regionCode", e -> e.person().regionCode()));
		columns.add(ExportColumn.text("care.export.region-name", e -> e.person().regionName()));
		columns.add(ExportColumn.date("care.person.next-due", e -> e.person().nextDue()));
		return new ExcelReport<>("care.excel.title", List.of(regionName), "care.export.sheet", columns);
	}

}
