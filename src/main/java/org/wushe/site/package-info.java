/**
 * 三级阵地 (the three-tier service network): county guidance centres, township stations, village rooms; their
 * coverage of the region tree, public pages and printable placards.
 * <ul>
 * <li>阵地 = {@link org.wushe.site.Site}; 阵地类型 = {@link org.wushe.site.SiteType}: 区县社会工作指导中心 = CENTRE,
 * 乡镇（街道）社工站 = STATION, 村（社区）社工室 = ROOM</li>
 * <li>状态 = {@link org.wushe.site.SiteStatus}: 筹建 = PLANNED, 运营 = OPERATING, 暂停 = SUSPENDED, 撤销 = CLOSED</li>
 * <li>服务内容 = service content; 服务清单 = {@link org.wushe.site.ServiceItem} list; 服务流程 = service process;
 * 驻站人员 = {@link org.wushe.site.StaffMember}; 开放时间 = opening hours</li>
 * <li>覆盖率 = {@link org.wushe.site.Coverage}: regions of a level with an operating site ÷ all regions of that level</li>
 * <li>公示页 = public page; 公示牌 = placard; 二维码 = QR code; 拼音首字母 = {@link org.wushe.shared.NameInitials}</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit" })
package org.wushe.site;
