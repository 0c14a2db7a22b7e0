package org.wushe.access;

/**
 * What a manager submits to create an account. {@code password} may be blank: then one is generated and shown once.
 * {@code role} is the API identifier ({@code COUNTY_STAFF} …).
 */
public record NewAccount(String username, String displayName, String regionCode, String role, String password) {
}
