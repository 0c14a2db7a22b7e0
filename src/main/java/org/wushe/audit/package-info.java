/**
 * 操作日志 (audit trail): append-only records of who did what, when, on which region; every login, success or
 * failure, with the source address; every read of full personal data.
 * <ul>
 * <li>操作日志 = audit event; 操作人 = actor; 操作 = action; 对象 = entity; 来源地址 = source address</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.wushe.audit;
