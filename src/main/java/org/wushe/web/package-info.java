/**
 * 界面 (web): the layout, home page, error handling and locale switching. No business logic lives here.
 * <ul>
 * <li>首页 = home; 错误页 = error page; 语言 = locale</li>
 * <li>待办提醒 = home notices, contributed by other modules through {@link org.wushe.shared.HomeNotices}</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.wushe.web;
