/**
 * Shared kernel: the few value types and the business-error base that every module speaks.
 * <ul>
 * <li>业务错误 = {@link org.wushe.shared.BusinessException}: carries a message key, never a literal text.</li>
 * <li>个人信息加密 = {@link org.wushe.shared.crypto.FieldCipher} (AES-GCM at rest, keyed search hash) with its key
 * {@link org.wushe.shared.crypto.PersonalDataKeys}; the site and actor modules seal phones and ID numbers with it.</li>
 * <li>计数表 = {@link org.wushe.shared.tally.CounterTable}: per-region counters changed in the writer's transaction, in
 * key order (site coverage, registry figures).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
package org.wushe.shared;
