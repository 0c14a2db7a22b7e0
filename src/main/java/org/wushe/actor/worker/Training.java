package org.wushe.actor.worker;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One training record of a social worker: course, hours, date. */
public record Training(long id, String course, BigDecimal hours, LocalDate takenOn) {
}
