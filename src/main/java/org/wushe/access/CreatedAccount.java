package org.wushe.access;

/**
 * The created account, with the generated password when the creator left it blank (shown once, never stored in
 * clear).
 */
public record CreatedAccount(AccountView account, String generatedPassword) {
}
