package org.wushe.shared.excel;

import org.springframework.http.HttpStatus;
import org.wushe.shared.BusinessException;

/**
 * An upload refused as a whole before any row is read: wrong type, macros, too large, wrong layout. Nothing was
 * stored. Answers 400 (413 for size).
 */
public class ExcelRejected extends BusinessException {

	public ExcelRejected(String messageKey, Object... args) {
		super(HttpStatus.BAD_REQUEST, messageKey, args);
	}

	ExcelRejected(HttpStatus status, String messageKey, Object... args) {
		super(status, messageKey, args);
	}

}
