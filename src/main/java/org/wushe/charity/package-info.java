/**
 * 慈善资源 (charity resources): donors, donations of money or in kind, charity funds with matching, charitable trusts,
 * and their totals per region.
 * <ul>
 * <li>捐赠人 = donor ({@link org.wushe.charity.DonorKind}: 个人 person, 企业 company, 基金会 foundation)</li>
 * <li>捐赠 = donation ({@link org.wushe.charity.DonationKind}: 资金 money, 物资 in kind); 估值 = valuation; 估值依据 =
 * basis of valuation; 估值人 = valued by; 接收阵地 = receiving site (a site id)</li>
 * <li>慈善基金 = fund; 配捐 = matching (ratio and cap per fund)</li>
 * <li>慈善信托 = charitable trust; 受托人 = trustee; 备案编号 = filing number</li>
 * </ul>
 * Internals: {@code donation} (donors and donations), {@code fund} (funds and trusts), {@code support} (filters,
 * region checks, money totals per region).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "personal", "site" })
package org.wushe.charity;
