package org.gatehouse.mfa;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.LoginCompletion;
import org.gatehouse.account.RevocableRememberMeServices;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * The second step of a login. A first factor (password, remember-me cookie) of an account with a second factor,
 * or of a role that requires one, is kept as the session's {@link PendingLogin} for
 * gatehouse.mfa.second-step-timeout; the answer goes through an AuthenticationManager of its own (so Spring
 * Security's events fire), wrong answers count as {@link SecondFactorFailures}, and a right one signs
 * the session in with both factors' authorities. A login that already carries a second factor (a passkey with user
 * verification: {@code FACTOR_WEBAUTHN}) is complete.
 */
public class SecondStep implements LoginCompletion {

	/** What an answer did. */
	public enum Outcome { COMPLETED, WRONG, LOCKED, EXPIRED }

	private final SecondFactors factors;
	private final UserStore users;
	private final SessionLogin sessionLogin;
	private final MfaProperties properties;
	private final ObjectProvider<RevocableRememberMeServices> rememberMe;
	private final Clock clock;
	private final ProviderManager manager;
	private final SecondFactorFailures failures;

	public SecondStep(SecondFactors factors, UserStore users, SessionLogin sessionLogin, SecondFactorFailures failures,
			MfaProperties properties, ObjectProvider<RevocableRememberMeServices> rememberMe,
			AuthenticationEventPublisher authenticationEvents, Clock clock) {
		this.failures = failures;
		this.factors = factors;
		this.users = users;
		this.sessionLogin = sessionLogin;
		this.properties = properties;
		this.rememberMe = rememberMe;
		this.clock = clock;
		this.manager = new ProviderManager(new SecondFactorAuthenticationProvider(factors));
		this.manager.setAuthenticationEventPublisher(authenticationEvents);
	}

	@Override
	public boolean needsAnotherStep(Authentication firstFactor) {
		if (!(firstFactor.getPrincipal() instanceof AccountPrincipal principal)
				|| hasSecondFactor(firstFactor.getAuthorities())) {
			return false;
		}
		return !factors.enrolled(principal.id()).isEmpty() || factors.requiredFor(principal.roles());
	}

	private boolean hasSecondFactor(Collection<? extends GrantedAuthority> authorities) {
		Set<String> second = factors.secondFactorAuthorities();
		return authorities.stream().anyMatch(a -> second.contains(a.getAuthority()));
	}

	@Override
	public PendingStep defer(Authentication firstFactor, boolean remember, String next, HttpServletRequest request) {
		AccountPrincipal principal = (AccountPrincipal) firstFactor.getPrincipal();
		List<String> proved = firstFactor.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("FACTOR_")).toList();
		boolean enrolment = factors.enrolled(principal.id()).isEmpty();
		PendingLogin pending = new PendingLogin(principal.id(), proved, remember, next,
				clock.instant().plus(properties.getSecondStepTimeout()), enrolment, 0);
		SessionLogin.renewSessionId(request);
		pending.store(request.getSession());
		return step(pending);
	}

	@Override
	public Optional<PendingStep> pendingStep(HttpServletRequest request) {
		return Optional.ofNullable(PendingLogin.current(request, clock.instant())).map(this::step);
	}

	PendingLogin pending(HttpServletRequest request) {
		return PendingLogin.current(request, clock.instant());
	}

	private PendingStep step(PendingLogin pending) {
		return pending.enrolment()
				? new PendingStep(MfaPaths.REQUIRED_ENROLMENT, MfaPaths.API + "/totp", true, List.of(),
						pending.expiresAt())
				: new PendingStep(MfaPaths.SECOND_STEP, MfaPaths.API_SECOND_STEP, false,
						factors.enrolled(pending.userId()).stream().map(SecondFactor::id).toList(), pending.expiresAt());
	}

	/**
	 * What the browser needs to answer with this factor (a security key's challenge) for this session's pending
	 * login; empty when no login is pending or its user has no such factor.
	 */
	public Optional<String> challenge(String factorId, HttpServletRequest request) {
		PendingLogin pending = pending(request);
		if (pending == null || pending.enrolment()) {
			return Optional.empty();
		}
		long userId = pending.userId();
		return factors.byId(factorId).filter(factor -> factor.isEnrolled(userId))
			.flatMap(factor -> factor.challenge(userId, request));
	}

	/** Whether an answer this long can be right for the factor (a code is short, a security key's answer is not). */
	public boolean fits(String factorId, String answer) {
		int max = factors.byId(factorId).map(SecondFactor::maxAnswerLength).orElse(64);
		return answer == null || answer.length() <= max;
	}

	/** The answer to this session's pending login; the session is signed in when it is right. */
	public Outcome answer(String factorId, String answer, HttpServletRequest request, HttpServletResponse response) {
		PendingLogin pending = pending(request);
		if (pending == null || pending.enrolment()) {
			return Outcome.EXPIRED;
		}
		User user = users.findById(pending.userId()).filter(User::active).orElse(null);
		if (user == null) {
			PendingLogin.clear(request);
			return Outcome.EXPIRED;
		}
		if (failures.locked(user, request.getRemoteAddr())) {
			return Outcome.LOCKED;
		}
		Authentication completed;
		try {
			completed = manager.authenticate(new SecondFactorAuthenticationToken(AccountPrincipal.of(user), factorId,
					answer, pending.firstFactorAuthorities(), request));
		}
		catch (AuthenticationException wrong) {
			failures.failed(user, String.valueOf(factorId), request.getRemoteAddr());
			PendingLogin next = pending.failedOnce();
			if (next.failures() >= properties.getMaxAttempts()) {
				PendingLogin.clear(request);
				return Outcome.EXPIRED;
			}
			next.store(request.getSession());
			return Outcome.WRONG;
		}
		failures.succeeded(user);
		signIn(completed, pending, request, response);
		return Outcome.COMPLETED;
	}

	/** Completes a pending login from a browser the user let skip the second step. */
	void completeRemembered(PendingLogin pending, HttpServletRequest request, HttpServletResponse response) {
		completeAfterEnrolment(pending, SecondFactors.REMEMBERED_BROWSER_AUTHORITY, request, response);
	}

	/** Completes a pending login right after the user enrolled the factor this authority names. */
	void completeAfterEnrolment(PendingLogin pending, String authority, HttpServletRequest request,
			HttpServletResponse response) {
		User user = users.findById(pending.userId()).orElseThrow();
		signIn(SecondFactorAuthenticationProvider.completed(AccountPrincipal.of(user), pending.firstFactorAuthorities(),
				authority), pending, request, response);
	}

	private void signIn(Authentication completed, PendingLogin pending, HttpServletRequest request,
			HttpServletResponse response) {
		PendingLogin.clear(request);
		sessionLogin.login(completed, request, response);
		RevocableRememberMeServices services = rememberMe.getIfAvailable();
		if (pending.rememberMe() && services != null) {
			services.remember(request, response, completed);
		}
	}
}
