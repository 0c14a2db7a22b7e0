package org.wushe.shared.excel;

import java.math.BigDecimal;

/**
 * One cell as read from the sheet.
 *
 * @param text the cell as text, stripped; numbers in plain notation ({@code 13812345678}, not {@code 1.38E10}); empty
 * for an empty cell
 * @param number the numeric value when the cell holds a number (dates are numbers in Excel), else {@code null}
 * @param error the Excel error value ({@code #N/A}, {@code #REF!}) when the cell holds one, else {@code null}
 * @param date1904 whether the workbook counts dates from 1904 (old Mac workbooks)
 */
public record CellValue(String text, BigDecimal number, String error, boolean date1904) {

	public static CellValue ofText(String text) {
		return new CellValue(text == null ? "" : CellParsers.strip(text), null, null, false);
	}

	public static CellValue ofNumber(BigDecimal number) {
		return new CellValue(plain(number), number, null, false);
	}

	public boolean isBlank() {
		return text.isEmpty() && error == null;
	}

	public boolean isNumber() {
		return number != null;
	}

	static String plain(BigDecimal number) {
		BigDecimal n = number.stripTrailingZeros();
		return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
	}

}
