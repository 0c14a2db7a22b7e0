package org.wushe.shared.excel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and tuning of Excel imports ({@code wushe.excel.*}).
 *
 * @param maxFileSize largest accepted upload (default 20 MB)
 * @param maxRows most data rows in one file (default 100,000)
 * @param maxExpandedSize most bytes the workbook may expand to when unzipped (default 1 GB; guards against zip bombs)
 * @param batchSize rows stored per batch (default 500)
 * @param backgroundAboveRows files with more data rows than this are imported in the background (default 2,000)
 * @param maxErrorsShown errors kept for display per import; all are counted (default 1,000)
 * @param workers imports running at the same time (default 2)
 */
@ConfigurationProperties("wushe.excel")
public record ExcelProperties(DataSize maxFileSize, Integer maxRows, DataSize maxExpandedSize, Integer batchSize,
		Integer backgroundAboveRows, Integer maxErrorsShown, Integer workers) {

	public ExcelProperties {
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
		maxRows = maxRows == null ? 100_000 : maxRows;
		maxExpandedSize = maxExpandedSize == null ? DataSize.ofGigabytes(1) : maxExpandedSize;
		batchSize = batchSize == null ? 500 : batchSize;
		backgroundAboveRows = backgroundAboveRows == null ? 2_000 : backgroundAboveRows;
		maxErrorsShown = maxErrorsShown == null ? 1_000 : maxErrorsShown;
		workers = workers == null ? 2 : workers;
	}

	/** The defaults. */
	public static ExcelProperties defaults() {
		return new ExcelProperties(null, null, null, null, null, null, null);
	}

	public ExcelProperties withMaxFileSize(DataSize size) {
		return new ExcelProperties(size, maxRows, maxExpandedSize, batchSize, backgroundAboveRows, maxErrorsShown,
				workers);
	}

	public ExcelProperties withMaxRows(int rows) {
		return new ExcelProperties(maxFileSize, rows, maxExpandedSize, batchSize, backgroundAboveRows, maxErrorsShown,
				workers);
	}

	public ExcelProperties withBatchSize(int size) {
		return new ExcelProperties(maxFileSize, maxRows, maxExpandedSize, size, backgroundAboveRows, maxErrorsShown,
				workers);
	}

	public ExcelProperties withBackgroundAboveRows(int rows) {
		return new ExcelProperties(maxFileSize, maxRows, maxExpandedSize, batchSize, rows, maxErrorsShown, workers);
	}

}
