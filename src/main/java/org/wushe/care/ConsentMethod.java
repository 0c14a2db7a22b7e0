package org.wushe.care;

/** How a guardian consented: a signed form, or orally before a witness. */
enum ConsentMethod {
	SIGNED, VERBAL_WITNESSED
}
