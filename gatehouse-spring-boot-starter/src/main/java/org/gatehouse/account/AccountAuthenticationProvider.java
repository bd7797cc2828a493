package org.gatehouse.account;

import java.util.Optional;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.passwords.Verification;
import org.gatehouse.throttle.LoginThrottle;
import org.gatehouse.throttle.LoginThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email-or-username and password login. Unknown users, wrong passwords and inactive
 * accounts fail alike and cost one password verification each; a hash that needs an
 * upgrade is replaced with a compare-and-set that never fails the login.
 */
@Component
public class AccountAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(AccountAuthenticationProvider.class);
	static final String BAD_CREDENTIALS = "Invalid credentials";

	private final UserStore users;
	private final PasswordService passwords;
	private final GatehouseProperties properties;
	private final LoginThrottle throttle;

	public AccountAuthenticationProvider(UserStore users, PasswordService passwords, GatehouseProperties properties,
			LoginThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.properties = properties;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = authentication.getName();
		String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
		String remoteAddr = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		if (!throttle.admit(login, remoteAddr)) {
			// no verification while locked, but as long as one, so a lock is not a timing signal
			passwords.verifyNobody(password);
			throw new LoginThrottledException();
		}
		User user;
		try {
			user = verifiedUser(login, password);
		}
		catch (BadCredentialsException ex) {
			throttle.failed(login, remoteAddr);
			throw ex;
		}
		throttle.succeeded(login);
		GatehouseProperties.Features features = properties.getFeatures();
		if (features.isConfirmable() && !features.isLoginWithoutConfirmation() && !user.confirmed()) {
			throw new UnconfirmedAccountException();
		}
		AccountPrincipal principal = AccountPrincipal.of(user);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	/** The user whose password matches, or BadCredentialsException for every kind of failure. */
	public User verifiedUser(String login, String password) {
		Optional<User> found = users.findByLogin(login == null ? null : login.trim());
		if (found.isEmpty() || found.get().passwordHash() == null) {
			passwords.verifyNobody(password);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		User user = found.get();
		Verification verification = passwords.verify(password, user.passwordHash());
		if (!verification.matches() || !user.active()) {
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		if (verification == Verification.MATCH_NEEDS_UPGRADE) {
			upgrade(user, password);
		}
		return user;
	}

	private void upgrade(User user, String password) {
		try {
			if (users.replacePasswordHashIfUnchanged(user.id(), user.passwordHash(), passwords.rehash(password))) {
				log.info("Upgraded the password hash of user {}", user.id());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not upgrade the password hash of user {}: {}", user.id(), ex.toString());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
