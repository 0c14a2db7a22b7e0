package org.wushe.shared.excel;

/**
 * One problem in an uploaded file, as the user will look for it in Excel.
 *
 * @param row the row number as Excel shows it (the header is row 1)
 * @param column the column letter ({@code C}), or empty for a problem of the whole row
 * @param header the column's header, or empty
 * @param message what is wrong, in the user's language
 */
public record ImportError(int row, String column, String header, String message) {
}
