/**
 * 站内消息 (message): what the platform tells a user, kept until read, with the unread count in the page header.
 * <ul>
 * <li>消息 = {@link org.wushe.message.Message}; 收件箱 = {@link org.wushe.message.Inbox}</li>
 * <li>外部渠道 (短信、邮件、微信) = {@link org.wushe.message.OutboundChannel}, which a deployment implements</li>
 * <li>Report returns and article reviews reach the unit concerned through the events of the campaign and article
 * modules.</li>
 * <li>截止提醒 (deadline reminders, daily, on one node) = {@link org.wushe.message.ReportReminders}</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "campaign", "article" })
package org.wushe.message;
