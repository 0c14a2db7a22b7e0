/**
 * 稿件 (articles): news articles about a theme campaign, checked against the rules of 附件2 and reviewed up the levels
 * (旗县 → 盟市 → 自治区 → 民政部) before any level publishes them.
 * <ul>
 * <li>稿件 = {@link org.wushe.article.Article}; 报送单位 = unit (the region that wrote it); 标题 = title; 正文 = body</li>
 * <li>要素 = elements: 时间 = event date, 地点 = event place, 服务对象 = service objects, 参与人员 = attendees</li>
 * <li>草稿 = draft; 报送 = submit; 审核 = review; 通过 = approve; 退回 = return; 推荐 = recommend (to the next level
 * up); 发布 = publish; 撤回发布 = unpublish; 删除 = delete (by the author, while a draft or returned)</li>
 * <li>去除图片元数据 = {@code org.wushe.shared.upload.CleanImage} (EXIF, GPS position, text chunks), applied by
 * {@code ArticleProperties.imageRules()}</li>
 * <li>所在层级 = stage (where the article stands); 审核层级 = review region (the parent of the stage)</li>
 * <li>稿件检查 = check ({@link org.wushe.article.CheckReport}); 问题 = finding; 禁用词 = banned word; 错别字 = wrong
 * word; 建议 = suggestion; 例外 = exception (a phrase in which the wrong word is right); 字数 = text length</li>
 * <li>审核记录 = history ({@link org.wushe.article.HistoryEntry}); 统计 = counts ({@link org.wushe.article.ArticleCounts})</li>
 * <li>公开发布页 = the public page {@code /public/articles}</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "campaign", "activity" })
package org.wushe.article;
