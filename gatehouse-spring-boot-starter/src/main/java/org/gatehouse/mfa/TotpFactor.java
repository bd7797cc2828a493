package org.gatehouse.mfa;

import java.time.Clock;
import java.util.OptionalLong;

import org.gatehouse.crypto.FieldEncryptor;

/** The authenticator app: an RFC 6238 code, each accepted once (the last used step is stored). */
public class TotpFactor implements SecondFactor {

	public static final String ID = "totp";
	public static final String AUTHORITY = "FACTOR_TOTP";
	/** The field encryptor's purpose for the stored secrets. */
	public static final String SECRET_PURPOSE = "mfa-totp-secret";

	private final MfaStore store;
	private final FieldEncryptor secrets;
	private final Totp totp;
	private final Clock clock;

	public TotpFactor(MfaStore store, FieldEncryptor secrets, Totp totp, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.totp = totp;
		this.clock = clock;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String authority() {
		return AUTHORITY;
	}

	@Override
	public boolean isEnrolled(long userId) {
		return store.totp(userId).isPresent();
	}

	@Override
	public boolean verify(long userId, String answer) {
		return store.totp(userId).map(row -> {
			byte[] secret = Base32.decode(secrets.decrypt(row.encryptedSecret()));
			OptionalLong step = totp.matchingStep(secret, answer, clock.instant());
			return step.isPresent() && store.useTotpStep(userId, step.getAsLong(), clock.instant());
		}).orElse(false);
	}
}
