package org.wushe.campaign;

import org.springframework.stereotype.Component;
import org.wushe.shared.crypto.FieldCipher;

/**
 * Flyway migration V107: encrypts the campaigns' contact phones stored in clear before V106.
 */
@Component
class ContactPhoneEncryption extends ClearPhoneEncryption {

	ContactPhoneEncryption(FieldCipher cipher) {
		super(cipher, "107", "campaign contact phone encrypted", "campaign", "contact_phone");
	}

}
