package org.gatehouse.login.external;

import java.util.List;

import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.session.UserSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The identities linked to an account, listed and unlinked, for the Accounts page, the admin user page, their JSON
 * endpoints and the command line alike. Unlinking deletes the identity's stored provider tokens with it (cascade)
 * and is audited.
 * <p>
 * A user may not unlink their last way to sign in (no password, no other identity). An administrator (or the command
 * line) may: the link may be the problem (a compromised or wrongly linked identity at the provider), and a user left
 * without a way in gets one back by "Forgot password" to the account's own address, as Keycloak's admins remove
 * identity links.
 */
public class IdentityLinks {

	/** One linked identity with its provider's display name. */
	public record Link(String provider, String providerName, String subject, String email, java.time.Instant linkedAt,
			java.time.Instant lastUsedAt) {
	}

	private final ExternalIdentityStore identities;
	private final ExternalProviders providers;
	private final UserStore users;
	private final ApplicationEventPublisher events;

	private final ObjectProvider<UserSessions> sessions;

	public IdentityLinks(ExternalIdentityStore identities, ExternalProviders providers, UserStore users,
			ApplicationEventPublisher events, ObjectProvider<UserSessions> sessions) {
		this.sessions = sessions;
		this.identities = identities;
		this.providers = providers;
		this.users = users;
		this.events = events;
	}

	public List<Link> of(long userId) {
		return identities.ofUser(userId).stream()
			.map(i -> new Link(i.provider(), providers.displayName(i.provider()), i.subject(), i.email(),
					i.createdAt(), i.lastUsedAt()))
			.toList();
	}

	/** The user's own unlink: refused when it would leave the account without a password and without an identity. */
	public ExternalAccounts.UnlinkOutcome unlink(long userId, String provider) {
		List<LinkedIdentity> linked = identities.ofUser(userId);
		if (linked.stream().noneMatch(i -> i.provider().equals(provider))) {
			return ExternalAccounts.UnlinkOutcome.NOT_LINKED;
		}
		if (!hasPassword(userId) && linked.size() == 1) {
			return ExternalAccounts.UnlinkOutcome.LAST_WAY_TO_SIGN_IN;
		}
		return remove(userId, userId, provider);
	}

	/**
	 * An administrator's unlink (adminId null: the command line), allowed even for the last way to sign in.
	 * @return UNLINKED or NOT_LINKED
	 */
	public ExternalAccounts.UnlinkOutcome unlinkByAdmin(Long adminId, long userId, String provider) {
		ExternalAccounts.UnlinkOutcome outcome = remove(adminId, userId, provider);
		// an identity taken over is the usual reason: its sign-ins end with it (the provider could no longer end
		// them by back-channel logout, which finds the user through the link)
		UserSessions userSessions = sessions.getIfAvailable();
		if (outcome == ExternalAccounts.UnlinkOutcome.UNLINKED && userSessions != null) {
			userSessions.revokeWithAttribute(userId, ProviderSession.ATTRIBUTE,
					value -> ProviderSession.decode(value).filter(s -> s.provider().equals(provider)).isPresent());
		}
		return outcome;
	}

	private ExternalAccounts.UnlinkOutcome remove(Long actorId, long userId, String provider) {
		if (!identities.unlink(userId, provider)) {
			return ExternalAccounts.UnlinkOutcome.NOT_LINKED;
		}
		events.publishEvent(new SecurityEvent(SecurityEventType.EXTERNAL_IDENTITY_UNLINKED, actorId, userId, provider));
		return ExternalAccounts.UnlinkOutcome.UNLINKED;
	}

	private boolean hasPassword(long userId) {
		return users.findById(userId).map(User::passwordHash).filter(h -> !h.isBlank()).isPresent();
	}
}
