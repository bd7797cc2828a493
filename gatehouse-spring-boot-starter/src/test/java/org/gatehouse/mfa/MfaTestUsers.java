package org.gatehouse.mfa;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.UserStore;
import org.gatehouse.crypto.Signers;
import org.gatehouse.password.PasswordService;
import org.springframework.context.ApplicationContext;

/** Users with second factors, set up through the store as enrolment leaves them; and their current codes. */
final class MfaTestUsers {

	private final UserStore users;
	private final PasswordService passwords;
	private final MfaStore store;
	private final Signers signers;
	private final Totp totp;
	private final RecoveryCodes recoveryCodes;

	/** Takes what it needs from the test's application context. */
	MfaTestUsers(ApplicationContext context) {
		this(context.getBean(UserStore.class), context.getBean(PasswordService.class), context.getBean(MfaStore.class),
				context.getBean(Signers.class), context.getBean(Totp.class), context.getBean(RecoveryCodes.class));
	}

	MfaTestUsers(UserStore users, PasswordService passwords, MfaStore store, Signers signers, Totp totp,
			RecoveryCodes recoveryCodes) {
		this.users = users;
		this.passwords = passwords;
		this.store = store;
		this.signers = signers;
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
	}

	/** A user with a password; returns the id. */
	long create(String email) {
		return AccountTestUsers.create(users, passwords, email, null);
	}

	/** Enrols TOTP for the user (no step used yet); returns the secret. */
	byte[] enrolTotp(long userId) {
		byte[] secret = new byte[20];
		new SecureRandom().nextBytes(secret);
		store.saveTotp(userId, signers.fieldEncryptor(TotpFactor.SECRET_PURPOSE).encrypt(Base32.encode(secret)), -1,
				Instant.now());
		return secret;
	}

	List<String> recoveryCodes(long userId) {
		return recoveryCodes.regenerate(userId);
	}

	/** The code of the current step, shifted by offset steps (within the window: -1, 0, 1). */
	String code(byte[] secret, int offset) {
		return totp.code(secret, totp.step(Instant.now()) + offset);
	}

	/** A code that is never right now: the current one shifted far out of the window. */
	String wrongCode(byte[] secret) {
		String code = totp.code(secret, totp.step(Instant.now()) + 50);
		for (int offset = -1; offset <= 1; offset++) {
			if (code.equals(code(secret, offset))) {
				return "000000".equals(code) ? "111111" : "000000";
			}
		}
		return code;
	}
}
