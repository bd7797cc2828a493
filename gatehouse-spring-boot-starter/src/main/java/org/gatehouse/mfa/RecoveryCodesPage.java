package org.gatehouse.mfa;

/** The page that shows a new set of recovery codes, once. */
final class RecoveryCodesPage {

	static final String TEMPLATE = "gatehouse/mfa/recovery_codes";

	private RecoveryCodesPage() {
	}
}
