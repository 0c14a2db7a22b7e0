/**
 * 行政区划 (administrative regions): the NBS statistical code tree, 31 provinces down to 620k villages.
 * <ul>
 * <li>行政区划代码 = {@link org.wushe.region.RegionCode}</li>
 * <li>全国 = country (the synthetic root, code {@code 00})</li>
 * <li>省级 = province, 地级（盟市） = prefecture, 县级（旗县区） = county, 乡级（乡镇街道） = township,
 * 村级（村/社区） = village</li>
 * <li>下辖 = subtree; 数据范围 = {@link org.wushe.region.RegionScope}</li>
 * <li>列表筛选（区划范围、名称或拼音首字母、类型、状态、分页） = {@link org.wushe.region.ListQuery}</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.wushe.region;
