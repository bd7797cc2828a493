package org.gatehouse.account;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.crypto.Signers;
import org.gatehouse.crypto.TimedSigner;
import org.gatehouse.http.ExternalUrls;

/**
 * Signed, expiring links for email confirmation and password reset. They are single-use
 * without a token table: a confirmation link names a user not yet confirmed, a reset link
 * carries the user's security stamp, which every password change replaces.
 */
public class AccountLinks {

	private final TimedSigner confirmSigner;
	private final TimedSigner resetSigner;
	private final TokensProperties properties;
	private final ExternalUrls externalUrls;
	private final Clock clock;

	public AccountLinks(Signers signers, TokensProperties properties, ExternalUrls externalUrls, Clock clock) {
		this.confirmSigner = signers.timedSigner("confirm-email");
		this.resetSigner = signers.timedSigner("reset-password");
		this.properties = properties;
		this.externalUrls = externalUrls;
		this.clock = clock;
	}

	public String confirmationToken(User user) {
		return confirmSigner.sign(user.id() + ":" + emailFingerprint(user.email()),
				clock.instant().plus(properties.getConfirmationValidity()));
	}

	/** The user id of a valid confirmation token for that user's current email. */
	public Optional<Long> confirmationUser(String token, UserStore users) {
		return confirmSigner.unsign(token).flatMap(v -> {
			String[] parts = v.split(":", 2);
			return parseId(parts[0]).flatMap(users::findById)
				.filter(u -> parts.length == 2 && emailFingerprint(u.email()).equals(parts[1]))
				.map(User::id);
		});
	}

	public String resetToken(User user) {
		return resetSigner.sign(user.id() + ":" + user.securityStamp(),
				clock.instant().plus(properties.getResetValidity()));
	}

	/** The active user a reset token was made for, if the password has not changed since. */
	public Optional<User> resetUser(String token, UserStore users) {
		return resetSigner.unsign(token).flatMap(v -> {
			String[] parts = v.split(":", 2);
			return parseId(parts[0]).flatMap(users::findById)
				.filter(u -> u.active() && parts.length == 2 && u.securityStamp().equals(parts[1]));
		});
	}

	/** Absolute URL on gatehouse.mail.link-base-url, or on the validated host and port of the current request. */
	public String absolute(HttpServletRequest request, String path) {
		return externalUrls.linkBaseUrl(request) + path;
	}

	/** Binds the link to the address without putting the address itself in URLs and logs. */
	private static String emailFingerprint(String email) {
		return RevocableRememberMeServices.sha256(UserStore.emailKey(email)).substring(0, 16);
	}

	private static Optional<Long> parseId(String value) {
		try {
			return Optional.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}
}
