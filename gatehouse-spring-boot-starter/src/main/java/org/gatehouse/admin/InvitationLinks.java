package org.gatehouse.admin;

import java.time.Clock;
import java.util.Optional;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.account.TokensProperties;
import org.gatehouse.crypto.Signers;
import org.gatehouse.crypto.TimedSigner;

/**
 * Signed, expiring set-password links for users created by an administrator. Single-use
 * because they carry the security stamp, which setting the password replaces.
 */
public class InvitationLinks {

	static final String PATH = "/invite/";

	private final TimedSigner signer;
	private final TokensProperties properties;
	private final Clock clock;

	public InvitationLinks(Signers signers, TokensProperties properties, Clock clock) {
		this.signer = signers.timedSigner("admin-invitation");
		this.properties = properties;
		this.clock = clock;
	}

	public String token(User user) {
		return signer.sign(user.id() + ":" + user.securityStamp(),
				clock.instant().plus(properties.getInvitationValidity()));
	}

	/** The active user the token was made for, while their security stamp is unchanged. */
	public Optional<User> user(String token, UserStore users) {
		return signer.unsign(token).flatMap(value -> {
			String[] parts = value.split(":", 2);
			if (parts.length != 2 || !parts[0].matches("\\d{1,19}")) {
				return Optional.empty();
			}
			return users.findById(Long.parseLong(parts[0]))
				.filter(u -> u.active() && u.securityStamp().equals(parts[1]));
		});
	}
}
