package org.gatehouse.password;

import org.gatehouse.passwords.PasswordContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's view of the password context, for code that expects a PasswordEncoder.
 * Hashes the NFKC form like {@link PasswordService}, since login verifies current hashes in that
 * form; verification also accepts the form as typed (hashes made before normalisation).
 */
public class PasswordContextEncoder implements PasswordEncoder {

	private final PasswordContext context;

	public PasswordContextEncoder(PasswordContext context) {
		this.context = context;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return context.hash(PasswordService.normalised(rawPassword.toString()));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		String normalised = PasswordService.normalised(rawPassword.toString());
		return context.verify(normalised, encodedPassword).matches()
				|| (!normalised.contentEquals(rawPassword) && context.verify(rawPassword, encodedPassword).matches());
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		// Only the verification knows whether the legacy pre-hash was needed; the
		// authentication provider upgrades at login, so a cheap answer is enough here.
		return false;
	}
}
