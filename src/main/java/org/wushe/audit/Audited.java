package org.wushe.audit;

/**
 * An audit record was written, in the transaction of the write it describes. Since every write is audited, modules
 * that keep derived state about other modules' data (the dashboard's figure version) can follow all writes here.
 */
public record Audited(String action, String entityType, String entityId, String regionCode) {
}
