package org.gatehouse.password;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.gatehouse.passwords.Verification;
import org.gatehouse.mail.RequestLocale;
import org.gatehouse.account.PasswordNotice;
import org.gatehouse.account.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Applies the password rules of the application: passwords are NFKC-normalised before they are
 * hashed, checked against the policy, and verified at a constant cost.
 * <p>
 * Every check costs exactly one key derivation in the default scheme at the configured cost, whatever
 * the account and the input: a current hash is verified once (the NFKC form, which is what
 * {@link #hashNew} and the upgrade store); a missing account, a missing hash and an over-long
 * password cost one dummy verification. A legacy hash (another scheme, a lower cost, Flask-Security's
 * HMAC pre-hash) is first verified in its own scheme, as typed and in NFKC form, and then pays the
 * one default-cost operation: the re-hash that upgrades it when the password matched and needs an
 * upgrade, a dummy verification otherwise. Such an account therefore costs its legacy verification
 * on top, until its first successful login upgrades it; a login that finds no password mirrors that
 * with the share of accounts that have such hashes ({@link #checkNobody}, {@link LegacyHashSample}).
 */
public class PasswordService {

	private final PasswordContext context;
	private final PasswordPolicy policy;
	private final MessageSource messages;
	private final List<NewPasswordCheck> checks;
	private final int maxBytes;
	/** Verified against a sampled legacy hash and never matches it: 32 random bytes, base64. */
	private final String throwaway;

	public PasswordService(PasswordContext context, PasswordPolicy policy,
			PasswordsProperties properties) {
		this(context, policy, properties, null, List.of());
	}

	/** With messages, the policy's refusals are in the request's language. */
	public PasswordService(PasswordContext context, PasswordPolicy policy,
			PasswordsProperties properties, MessageSource messages) {
		this(context, policy, properties, messages, List.of());
	}

	/** As above; {@code checks} look at a new password once the policy accepted it (e.g. for known breaches). */
	public PasswordService(PasswordContext context, PasswordPolicy policy,
			PasswordsProperties properties, MessageSource messages, List<NewPasswordCheck> checks) {
		this.context = context;
		this.messages = messages;
		this.checks = List.copyOf(checks);
		this.policy = policy;
		this.maxBytes = properties.getMaxLength();
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		this.throwaway = java.util.Base64.getEncoder().encodeToString(random);
	}

	@Autowired
	PasswordService(PasswordContext context, PasswordPolicy policy, PasswordsProperties properties,
			MessageSource messages, ObjectProvider<NewPasswordCheck> checks) {
		this(context, policy, properties, messages, checks.orderedStream().toList());
	}

	/**
	 * The result of checking a typed password.
	 *
	 * @param matches whether the password is right
	 * @param upgradedHash the hash to store in place of the checked one (already computed), or null
	 */
	public record Check(boolean matches, String upgradedHash) {

		static final Check NO_MATCH = new Check(false, null);
		static final Check MATCH = new Check(true, null);
	}

	/**
	 * What is said about a new password: the refusals of the policy and of the {@link NewPasswordCheck}s (asked
	 * only once the policy accepts it), and the notices of an accepted one.
	 */
	public record Screening(List<String> problems, List<String> notices) {
	}

	/**
	 * The refusals of a new password, in the language of the current request (English outside one); a notice
	 * about an accepted one is kept for the request's answer ({@link PasswordNotice}).
	 */
	public List<String> problems(String password, String email, String username) {
		Screening screening = screen(password, email, username, RequestLocale.current());
		if (screening.problems().isEmpty() && !screening.notices().isEmpty()) {
			PasswordNotice.remember(String.join(" ", screening.notices()));
		}
		return screening.problems();
	}

	/** The refusals and notices of a new password in {@code locale} (the command line's: the process's language). */
	public Screening screen(String password, String email, String username, Locale locale) {
		List<PasswordPolicy.Refusal> refusals = policy.refusals(password == null ? "" : password, email, username);
		if (!refusals.isEmpty()) {
			return new Screening(refusals.stream()
				.map(refusal -> text(refusal.key(), refusal.arguments().toArray(), refusal.text(), locale))
				.toList(), List.of());
		}
		List<String> problems = new ArrayList<>();
		List<String> notices = new ArrayList<>();
		for (NewPasswordCheck check : checks) {
			NewPasswordCheck.Remark remark = check.check(password);
			if (remark != null) {
				(remark.refused() ? problems : notices).add(text(remark.messageKey(), null, remark.defaultText(), locale));
			}
		}
		return new Screening(List.copyOf(problems), List.copyOf(notices));
	}

	/** Tells the checks of a password that has just signed {@code user} in. */
	void loggedIn(User user, String password) {
		checks.forEach(check -> check.loggedIn(user, password));
	}

	private String text(String key, Object[] arguments, String defaultText, Locale locale) {
		return messages == null ? defaultText : messages.getMessage(key, arguments, defaultText, locale);
	}

	public String hashNew(String password) {
		return context.hash(normalised(password));
	}

	/** Checks a typed password against a stored hash (null: no account or no password) at the one constant cost. */
	public Check check(String password, String storedHash) {
		String normalised = password == null || tooLong(password) ? null : normalised(password);
		if (normalised == null || storedHash == null || tooLong(normalised)) {
			context.dummyVerify(normalised == null || tooLong(normalised) ? "" : normalised);
			return Check.NO_MATCH;
		}
		if (context.isCurrent(storedHash)) {
			return context.verifyCurrent(normalised, storedHash).matches() ? Check.MATCH : Check.NO_MATCH;
		}
		Verification legacy = context.verify(password, storedHash);
		if (!legacy.matches() && !normalised.equals(password)) {
			legacy = context.verify(normalised, storedHash);
		}
		if (legacy == Verification.MATCH_NEEDS_UPGRADE) {
			return new Check(true, context.hash(normalised));
		}
		context.dummyVerify(normalised);
		return legacy.matches() ? Check.MATCH : Check.NO_MATCH;
	}

	/** As {@link #check}, for callers that only read the outcome (the upgrade, if any, is not stored). */
	public Verification verify(String password, String storedHash) {
		Check check = check(password, storedHash);
		return !check.matches() ? Verification.NO_MATCH
				: check.upgradedHash() == null ? Verification.MATCH : Verification.MATCH_NEEDS_UPGRADE;
	}

	/**
	 * A login that finds no password (no account, or an account without one): one dummy verification,
	 * after verifying a throwaway password against {@code legacySample} when the population's sample
	 * picked a legacy hash for this login ({@link LegacyHashSample#pick}; null: none). It then costs
	 * what a wrong password of an account with such a hash costs: the legacy verification as typed and,
	 * when NFKC changes the password, once more, then the one default-cost operation. An over-long
	 * password costs the dummy only, as it does for every account.
	 */
	public Check checkNobody(String password, String legacySample) {
		String normalised = password == null || tooLong(password) ? null : normalised(password);
		if (legacySample != null && normalised != null && !tooLong(normalised)) {
			context.verify(throwaway, legacySample);
			if (!normalised.equals(password)) {
				context.verify(throwaway, legacySample);
			}
		}
		return check(password, null);
	}

	/** Costs what a real check costs, so unknown accounts answer as slowly as known ones. */
	public void verifyNobody(String password) {
		check(password, null);
	}

	/** The form passwords are hashed in (NFKC): what login verifies a current hash against. */
	static String normalised(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	private boolean tooLong(String password) {
		return password.length() > maxBytes || password.getBytes(StandardCharsets.UTF_8).length > maxBytes;
	}
}
