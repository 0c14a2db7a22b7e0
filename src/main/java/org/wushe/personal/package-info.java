/**
 * 个人信息 (personal data): the one place every module goes to check, seal, mask, reveal and export personal data.
 * <ul>
 * <li>个人信息 = {@link org.wushe.personal.PersonalData}: seals a value ({@link org.wushe.personal.SealedValue}: cipher
 * text, keyed search hash, masked form) and reveals it to holders of the reveal permission, each reveal audited
 * (查看完整信息 = reveal; 脱敏 = masked). The cipher itself is {@link org.wushe.shared.crypto.FieldCipher}.</li>
 * <li>公民身份号码 = {@link org.wushe.personal.IdNumber} (GB 11643-1999); 手机号码/固定电话 =
 * {@link org.wushe.personal.PhoneNumber}; 统一社会信用代码 = {@link org.wushe.personal.CreditCode} (GB 32100-2015)</li>
 * <li>字段校验 = {@link org.wushe.personal.FieldChecks}: the vocabulary of field checks (required, length, dates,
 * money, phone, ID number) with messages naming the field</li>
 * <li>导出 = {@link org.wushe.personal.ExportHandling}: a region-scoped, audited Excel export</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "personal",
		allowedDependencies = { "shared", "region", "access", "audit" })
package org.wushe.personal;
