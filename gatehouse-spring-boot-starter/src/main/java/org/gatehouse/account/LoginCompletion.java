package org.gatehouse.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;

/**
 * What stands between a verified first factor (a password, a remember-me cookie) and a signed-in session:
 * a second factor, or an enrolment the policy requires. The mfa package implements it; without it every
 * first factor signs the user in. A deferred login lives in the session only, never as its security
 * context: a half-signed-in browser is anonymous to every rule, page and API endpoint.
 */
public interface LoginCompletion {

	/** Signs every first factor in: the behaviour without multi-factor authentication. */
	LoginCompletion NONE = new LoginCompletion() {
		@Override
		public boolean needsAnotherStep(Authentication firstFactor) {
			return false;
		}

		@Override
		public PendingStep defer(Authentication firstFactor, boolean rememberMe, String next,
				HttpServletRequest request) {
			throw new IllegalStateException("No login step to defer to");
		}

		@Override
		public Optional<PendingStep> pendingStep(HttpServletRequest request) {
			return Optional.empty();
		}
	};

	/** True when this verified first factor must not sign the user in yet. */
	boolean needsAnotherStep(Authentication firstFactor);

	/**
	 * Keeps the first factor as this session's pending login (the session gets a new id) and says where it goes
	 * on; the caller must not sign in.
	 *
	 * @param rememberMe whether the browser asked to be remembered once the login completes
	 * @param next where the user was going, or null
	 */
	PendingStep defer(Authentication firstFactor, boolean rememberMe, String next, HttpServletRequest request);

	/** This session's pending login, while it has one that has not expired. */
	Optional<PendingStep> pendingStep(HttpServletRequest request);

	/**
	 * A login waiting for its next step.
	 *
	 * @param page the page of the step
	 * @param api the JSON endpoint that completes it
	 * @param enrolment true when the user must first enrol a factor (the policy of their role)
	 * @param factors the factors the user can answer with (empty when enrolling)
	 * @param expiresAt when the step must be done by
	 */
	record PendingStep(String page, String api, boolean enrolment, List<String> factors, Instant expiresAt) {
	}
}
