package org.gatehouse.mfa;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may set up a factor in this request: the signed-in user, or the user of a pending login whose role requires
 * a factor (the only thing that half-signed-in session can do besides logging out).
 */
public class MfaUsers {

	private final UserStore users;
	private final Clock clock;

	public MfaUsers(UserStore users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	public Optional<User> signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AccountPrincipal principal
				? users.findById(principal.id()) : Optional.empty();
	}

	/** The pending login that must enrol first, if this session has one. */
	Optional<PendingLogin> enrolling(HttpServletRequest request) {
		return Optional.ofNullable(PendingLogin.current(request, clock.instant())).filter(PendingLogin::enrolment);
	}

	public Optional<User> enrollingUser(HttpServletRequest request) {
		Optional<User> user = signedIn();
		return user.isPresent() ? user : enrolling(request).flatMap(p -> users.findById(p.userId()));
	}
}
