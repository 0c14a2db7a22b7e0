package org.wushe.shared;

/**
 * One invalid field of a submitted form or API body: the field name and a message key with its arguments.
 */
public record FieldError(String field, String messageKey, Object... args) {
}
