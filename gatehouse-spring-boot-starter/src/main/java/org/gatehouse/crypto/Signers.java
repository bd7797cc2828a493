package org.gatehouse.crypto;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Factory of per-purpose signers and field encryptors over the application's {@link SecretKeys}. */
@Component
public class Signers {

	private final SecretKeys secretKeys;
	private final Clock clock;

	@Autowired
	public Signers(SecretKeys secretKeys, ObjectProvider<Clock> clock) {
		this(secretKeys, clock.getIfAvailable(Clock::systemUTC));
	}

	Signers(SecretKeys secretKeys, Clock clock) {
		this.secretKeys = secretKeys;
		this.clock = clock;
	}

	public Signer signer(String purpose) {
		return new Signer(secretKeys, purpose);
	}

	public TimedSigner timedSigner(String purpose) {
		return new TimedSigner(secretKeys, purpose, clock);
	}

	public FieldEncryptor fieldEncryptor(String purpose) {
		return new FieldEncryptor(secretKeys, purpose);
	}
}
