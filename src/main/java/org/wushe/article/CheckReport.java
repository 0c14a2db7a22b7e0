package org.wushe.article;

import java.util.List;

import org.wushe.shared.FieldError;

/**
 * What the 附件2 check says about an article: its length as counted, the range in force, and the findings (errors
 * first). The same report is shown while editing, enforced at submission and recorded with it.
 *
 * @param textLength characters of the body without whitespace
 * @param imageCount images the article has (or will have once saved)
 */
public record CheckReport(int textLength, int min, int max, int imageCount, List<Finding> findings) {

	public CheckReport {
		findings = List.copyOf(findings);
	}

	public boolean hasErrors() {
		return findings.stream().anyMatch(Finding::isError);
	}

	public List<Finding> errors() {
		return findings.stream().filter(Finding::isError).toList();
	}

	public List<Finding> warnings() {
		return findings.stream().filter(f -> !f.isError()).toList();
	}

	/** The errors as field errors, for refusing a submission. */
	List<FieldError> fieldErrors() {
		return errors().stream().map(f -> new FieldError(f.field(), f.messageKey(), f.args())).toList();
	}

}
