/**
 * 界面 (web): the layout, home page, error handling and locale switching. No business logic lives here.
 * <ul>
 * <li>首页 = home; 错误页 = error page; 语言 = locale</li>
 * </ul>
 */
package org.wushe.web;
