package org.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.gatehouse.passwords.Verification;
import org.springframework.stereotype.Service;

/**
 * Applies the password rules of the application: new passwords are NFKC-normalised and
 * checked against the policy; typed passwords are verified as typed first, so hashes
 * imported from other systems keep working.
 */
@Service
public class PasswordService {

	private final PasswordContext context;
	private final PasswordPolicy policy;
	private final int maxBytes;

	public PasswordService(PasswordContext context, PasswordPolicy policy,
			org.gatehouse.config.GatehouseProperties properties) {
		this.context = context;
		this.policy = policy;
		this.maxBytes = properties.getPasswords().getMaxLength();
	}

	public List<String> problems(String password, String email, String username) {
		return policy.check(password == null ? "" : password, email, username);
	}

	public String hashNew(String password) {
		return context.hash(Normalizer.normalize(password, Normalizer.Form.NFKC));
	}

	/** Verifies as typed, then in NFKC form (how new passwords were stored). Oversized input never hashes. */
	public Verification verify(String password, String storedHash) {
		if (password == null || storedHash == null || tooLong(password)) {
			return Verification.NO_MATCH;
		}
		Verification typed = context.verify(password, storedHash);
		if (typed.matches()) {
			return typed;
		}
		String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
		return normalised.equals(password) ? typed : context.verify(normalised, storedHash);
	}

	/** Costs what a real verification costs, so unknown accounts answer as slowly as known ones. */
	public void verifyNobody(String password) {
		context.dummyVerify(password == null || tooLong(password) ? "" : password);
	}

	/** Re-hashes a verified password in the current scheme, exactly as typed. */
	public String rehash(String password) {
		return context.hash(password);
	}

	private boolean tooLong(String password) {
		return password.length() > maxBytes || password.getBytes(StandardCharsets.UTF_8).length > maxBytes;
	}
}
