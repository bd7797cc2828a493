package org.gatehouse.login.external;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.crypto.TimedSigner;
import org.gatehouse.http.TooManyRequestsException;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.throttle.PageRateLimits;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other proof of an account before an identity is linked to it: a signed, expiring link mailed to the account's
 * own address (never to the address the provider reported). The answer on the page is the same whether the login
 * names an account or not, and the mails count against the lost-password rate limits.
 */
class MailedLinkProof {

	static final String MAIL_KIND = "external-link";
	static final Duration VALIDITY = Duration.ofMinutes(30);

	/** What a link carries: the account, and the identity to link to it. */
	record Claim(long userId, ExternalIdentity identity) {
	}

	private final TimedSigner signer;
	private final UserStore users;
	private final AccountLinks links;
	private final AccountMailer mailer;
	private final PageRateLimits rateLimits;
	private final ExternalProviders providers;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	MailedLinkProof(TimedSigner signer, UserStore users, AccountLinks links, AccountMailer mailer,
			PageRateLimits rateLimits, ExternalProviders providers, Clock clock) {
		this.signer = signer;
		this.users = users;
		this.links = links;
		this.mailer = mailer;
		this.rateLimits = rateLimits;
		this.providers = providers;
		this.clock = clock;
	}

	/** Mails the link to the account the login names, if it names an active one. */
	void send(String login, ExternalIdentity identity, HttpServletRequest request) {
		rateLimits.recoveryMail(request, login.strip()).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		Optional<User> owner = users.findByLogin(login.strip()).filter(User::active);
		if (owner.isEmpty()) {
			return;
		}
		String token = signer.sign(json.writeValueAsString(new Claim(owner.get().id(), identity)),
				clock.instant().plus(VALIDITY));
		String link = links.absolute(request, ExternalLoginPaths.PENDING + "confirm?token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8));
		mailer.send(owner.get().email(), MAIL_KIND, link, providers.displayName(identity.provider()));
	}

	/** The claim of a valid, unexpired link whose account is still active. */
	Optional<Claim> verify(String token) {
		if (token == null || token.length() > 4096) {
			return Optional.empty();
		}
		return signer.unsign(token).flatMap(value -> {
			try {
				return Optional.of(json.readValue(value, Claim.class));
			}
			catch (JacksonException ex) {
				return Optional.empty();
			}
		}).filter(claim -> users.findById(claim.userId()).filter(User::active).isPresent());
	}
}
