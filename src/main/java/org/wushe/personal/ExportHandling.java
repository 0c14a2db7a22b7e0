package org.wushe.personal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelExports;
import org.wushe.shared.excel.ExcelReport;

/**
 * Exports of registry lists, of this module and of modules above it (charity): masked by default; with full personal
 * data only for users allowed to see it, and then audited as {@value PersonalData#EXPORT_ACTION}. Every export is
 * audited as {@code <entity>.export}. Rows stream from the database to the response inside one read-only transaction.
 */
@Component
public class ExportHandling {

	private final ExcelExports exports;

	private final PersonalData personalData;

	private final AuditTrail audit;

	private final TransactionTemplate readOnly;

	ExportHandling(ExcelExports exports, PersonalData personalData, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.exports = exports;
		this.personalData = personalData;
		this.audit = audit;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Streams the export. {@code report} gets the opener for full values, or {@code null} for masked ones.
	 */
	public <T> void download(CurrentUser user, boolean full, String entityType, RegionScope scope, String filters,
			Function<PersonalData.Opener, ExcelReport<T>> report, Supplier<Stream<T>> rows,
			HttpServletResponse response, String fileNameKey, Object... fileNameArgs) {
		PersonalData.Opener opener = full ? personalData.exporter(user, entityType, scope.root(), filters) : null;
		audit.record(entityType + ".export", entityType, null, scope.root());
		ExcelReport<T> shape = report.apply(opener);
		readOnly.executeWithoutResult(status -> {
			try {
				exports.download(shape, rows.get(), response, fileNameKey, fileNameArgs);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
