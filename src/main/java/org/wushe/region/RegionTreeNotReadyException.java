package org.wushe.region;

import org.springframework.http.HttpStatus;
import org.wushe.shared.BusinessException;

/** The tree is still loading; the caller should try again shortly. Answers 503. */
public class RegionTreeNotReadyException extends BusinessException {

	public RegionTreeNotReadyException(int percent) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "region.error.loading", percent);
	}

}
