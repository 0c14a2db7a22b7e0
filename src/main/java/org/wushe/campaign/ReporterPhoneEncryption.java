package org.wushe.campaign;

import org.springframework.stereotype.Component;
import org.wushe.shared.crypto.FieldCipher;

/**
 * Flyway migration V105: encrypts the reporter phones of progress report versions stored in clear before V104.
 */
@Component
class ReporterPhoneEncryption extends ClearPhoneEncryption {

	ReporterPhoneEncryption(FieldCipher cipher) {
		super(cipher, "105", "campaign reporter phone encrypted", "progress_report_version", "reporter_phone");
	}

}
