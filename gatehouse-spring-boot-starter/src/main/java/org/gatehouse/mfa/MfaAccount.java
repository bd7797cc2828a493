package org.gatehouse.mfa;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.PasswordCheck;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEventType;

/**
 * A user's own factors: what they have, removing the app, new recovery codes; and an administrator's reset. The
 * page, the JSON API and the command line call these. Removing a factor or making new codes asks for the password
 * and a current code (from the app or a recovery code): re-authentication with a factor.
 */
public class MfaAccount {

	/** What a user has set up. */
	public record Status(boolean totp, @JsonProperty("totp_since") Instant totpSince,
			@JsonProperty("recovery_codes_left") int recoveryCodesLeft, boolean required) {
	}

	public enum Check { OK, WRONG_PASSWORD, WRONG_CODE, LOCKED }

	/** What the security log names as the answered step when a re-authentication's code is wrong. */
	static final String REAUTHENTICATION = "reauthentication";

	private final MfaStore store;
	private final SecondFactors factors;
	private final RecoveryCodes recoveryCodes;
	private final PasswordCheck passwordCheck;
	private final UserStore users;
	private final FactorChanges changes;
	private final MfaSecondFactorCheck codes;

	public MfaAccount(MfaStore store, SecondFactors factors, RecoveryCodes recoveryCodes, PasswordCheck passwordCheck,
			UserStore users, FactorChanges changes, MfaSecondFactorCheck codes) {
		this.codes = codes;
		this.store = store;
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.passwordCheck = passwordCheck;
		this.users = users;
		this.changes = changes;
	}

	public Status status(User user) {
		var totp = store.totp(user.id());
		return new Status(totp.isPresent(), totp.map(MfaStore.TotpRow::createdAt).orElse(null),
				recoveryCodes.unused(user.id()), factors.requiredFor(user.roles()));
	}

	/**
	 * The password, then a code of one of the user's typed factors ({@link MfaSecondFactorCheck}, as for every
	 * re-authentication); a wrong password counts as a failed login, a wrong code as {@link SecondFactorFailures}.
	 */
	public Check reauthenticate(User user, String password, String code, HttpServletRequest request) {
		switch (passwordCheck.confirm(user, password, request.getRemoteAddr())) {
			case LOCKED -> { return Check.LOCKED; }
			case WRONG -> { return Check.WRONG_PASSWORD; }
			case MATCH -> { }
		}
		// the same rule as every other re-authentication: a key-only account re-authenticates by password alone
		if (!codes.hasSecondFactor(user.id())) {
			return Check.OK;
		}
		return switch (codes.verify(user, code, request.getRemoteAddr())) {
			case RIGHT -> Check.OK;
			case LOCKED -> Check.LOCKED;
			case MISSING, WRONG -> Check.WRONG_CODE;
		};
	}

	/** Removes the authenticator app and the recovery codes that backed it up. */
	public Check removeTotp(User user, String password, String code, HttpServletRequest request) {
		Check check = reauthenticate(user, password, code, request);
		if (check == Check.OK && store.deleteTotp(user.id())) {
			store.deleteRecoveryCodes(user.id());
			changes.changed(user, SecurityEventType.SECOND_FACTOR_REMOVED, TotpFactor.ID, sessionId(request));
		}
		return check;
	}

	/** A new set of recovery codes in place of the old one; null when the check failed. */
	public List<String> regenerateRecoveryCodes(User user, String password, String code, HttpServletRequest request) {
		if (reauthenticate(user, password, code, request) != Check.OK) {
			return null;
		}
		return recoveryCodes.regenerate(user.id());
	}

	/** An administrator's (or the command line's, adminId null) reset: every factor goes, every session ends. */
	public boolean reset(long userId, Long adminId) {
		User user = users.findById(userId).orElseThrow();
		boolean had = store.deleteTotp(userId) | store.deleteRecoveryCodes(userId) | factors.removeAll(userId);
		changes.resetByAdmin(user, adminId);
		return had;
	}

	private static String sessionId(HttpServletRequest request) {
		return request.getSession(false) == null ? null : request.getSession(false).getId();
	}
}
