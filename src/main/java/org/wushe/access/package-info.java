/**
 * 账号与权限 (accounts and access): who may log in, on which region, with which role and permissions.
 * <ul>
 * <li>账号 = account; 角色 = {@link org.wushe.access.Role}; 权限标识 = permission string ({@link org.wushe.access.Permissions})</li>
 * <li>系统管理员 = ADMIN; 民政工作人员（省/盟市/旗县区/乡镇街道） = PROVINCE_STAFF … TOWNSHIP_STAFF</li>
 * <li>驻站社工 = STATION_WORKER; 领导 = LEADER (read-only)</li>
 * <li>数据范围 = the account region's subtree ({@link org.wushe.region.RegionScope})</li>
 * <li>首次登录修改密码 = forced password change</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "audit" })
package org.wushe.access;
