/**
 * 表格导入导出 (Excel toolkit): streaming {@code .xlsx} templates, imports and exports for every registry.
 * <ul>
 * <li>导入模板 = template ({@link org.wushe.shared.excel.ExcelLayout}: the columns that drive both template and import);
 * 填写说明 = instructions sheet</li>
 * <li>导入 = import ({@link org.wushe.shared.excel.ExcelImports}, {@link org.wushe.shared.excel.ImportPlan});
 * 导入方式 = {@link org.wushe.shared.excel.ImportMode}: 全部导入或全部不导入 = ALL, 只导入正确的行 = VALID</li>
 * <li>导入任务 = {@link org.wushe.shared.excel.ImportJob} (progress for large files); 错误明细 =
 * {@link org.wushe.shared.excel.ImportError} (row as Excel shows it, column letter and header, message)</li>
 * <li>导出 = export ({@link org.wushe.shared.excel.ExcelExports}, {@link org.wushe.shared.excel.ExcelReport})</li>
 * </ul>
 * Everything streams: uploads go to a temporary file, rows are read one at a time and stored in batches, exports are
 * flushed to the response as they are written.
 */
package org.wushe.shared.excel;
