package org.wushe.actor.registry;

import java.util.Optional;

import org.wushe.personal.IdNumber;
import org.wushe.personal.PhoneNumber;
import org.wushe.shared.excel.CellParser;
import org.wushe.shared.excel.CellProblem;
import org.wushe.shared.excel.CellValue;
import org.wushe.shared.excel.Labels;

/** Workbook cells holding an ID number or a phone number, checked like form fields. */
public final class PersonalCells {

	private PersonalCells() {
	}

	public static CellParser<IdNumber> idNumber() {
		return new CellParser<>() {
			@Override
			public IdNumber parse(CellValue cell, Labels labels) throws CellProblem {
				String text = cell.text().replace(" ", "");
				Optional<String> problem = IdNumber.problem(text);
				if (problem.isPresent()) {
					throw new CellProblem(problem.get());
				}
				return IdNumber.parse(text);
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("actor.excel.hint.id-number");
			}

			@Override
			public boolean keepsText() {
				return true;
			}
		};
	}

	public static CellParser<PhoneNumber> phone() {
		return new CellParser<>() {
			@Override
			public PhoneNumber parse(CellValue cell, Labels labels) throws CellProblem {
				if (!PhoneNumber.isValid(cell.text())) {
					throw new CellProblem("actor.phone.invalid");
				}
				return PhoneNumber.parse(cell.text());
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("actor.excel.hint.phone");
			}

			@Override
			public boolean keepsText() {
				return true;
			}
		};
	}

}
