/**
 * Shared kernel: the few value types and the business-error base that every module speaks.
 * <ul>
 * <li>业务错误 = {@link org.wushe.shared.BusinessException}: carries a message key, never a literal text.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.wushe.shared;
