/**
 * 指标统计 (stats): the leaders' dashboard. Every figure is read at the moment of the request from the figures the
 * other modules keep exact in their own transactions (activity summary rows, site coverage counters, registry counts),
 * so nothing is batch-built and nothing can be stale.
 * <ul>
 * <li>指标 = indicator; 指标卡 = indicator card; 驾驶舱/看板 = dashboard</li>
 * <li>下级对比 = child comparison; 去年同期 = the same period a year earlier; 服务领域 = service domain</li>
 * <li>按周/按月 = weekly/monthly series</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "site", "actor", "activity", "care", "volunteering" })
package org.wushe.stats;
