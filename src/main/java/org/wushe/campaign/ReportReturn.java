package org.wushe.campaign;

import java.time.Instant;

/** The level above sent version {@code version} back, with its reason. */
public record ReportReturn(int version, Instant returnedAt, String returnedBy, String reason) {
}
