package org.wushe.actor.registry;

import java.util.List;

import org.wushe.personal.IdNumber;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;

/**
 * One import into a registry of people: its layout, and before each chunk the one look-up of which ID numbers (of
 * the column {@code idNumber}) {@code people} holds already; the rows' checks ({@link PersonRowChecks}) remember the
 * ID numbers seen so far and the verdict on each region code. The registry converts and stores the rows.
 *
 * @param <V> the checked values of one row
 */
public abstract class PersonImportPlan<V> implements ImportPlan<V> {

	protected final RegionScope scope;

	protected final PersonRowChecks checks;

	private final ExcelLayout layout;

	private final ExcelColumn<IdNumber> idNumber;

	private final PersonTable people;

	protected PersonImportPlan(RegistrySupport support, RegionScope scope, ExcelLayout layout,
			ExcelColumn<IdNumber> idNumber, PersonTable people) {
		this.scope = scope;
		this.checks = new PersonRowChecks(support, scope);
		this.layout = layout;
		this.idNumber = idNumber;
		this.people = people;
	}

	@Override
	public ExcelLayout layout() {
		return layout;
	}

	@Override
	public void prepare(List<ImportRow> rows) {
		checks.prepare(rows, idNumber, people::takenIdNumbers);
	}

}
