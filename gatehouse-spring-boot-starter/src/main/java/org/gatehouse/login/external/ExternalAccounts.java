package org.gatehouse.login.external;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.LoginCompletion;
import org.gatehouse.account.SessionLogin;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.TooManyRequestsException;
import org.gatehouse.throttle.PageRateLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of external identities, for every page that uses them: sign in with a linked identity (through the
 * AuthenticationManager, then a Gatehouse session login), create an account from a provider-verified address, link
 * an identity to a proven account ({@link IdentityLinks} lists and unlinks). Every change is audited.
 */
public class ExternalAccounts {

	public enum LinkOutcome { LINKED, LINKED_TO_ANOTHER_ACCOUNT, PROVIDER_ALREADY_LINKED }

	public enum UnlinkOutcome { UNLINKED, NOT_LINKED, LAST_WAY_TO_SIGN_IN }

	public enum RegisterOutcome { CREATED, NOT_ALLOWED, EMAIL_UNVERIFIED, EMAIL_TAKEN }

	private final ExternalIdentityStore identities;
	private final UserStore users;
	private final AuthenticationManager manager;
	private final SessionLogin sessionLogin;
	private final ApplicationEventPublisher events;
	private final GatehouseProperties properties;
	private final PageRateLimits rateLimits;
	private final TransactionTemplate transactions;
	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
	private LoginCompletion completion = LoginCompletion.NONE;

	public ExternalAccounts(ExternalIdentityStore identities, UserStore users, AuthenticationManager manager,
			SessionLogin sessionLogin, ApplicationEventPublisher events, GatehouseProperties properties,
			PageRateLimits rateLimits, PlatformTransactionManager transactions) {
		this.identities = identities;
		this.users = users;
		this.manager = manager;
		this.sessionLogin = sessionLogin;
		this.events = events;
		this.properties = properties;
		this.rateLimits = rateLimits;
		this.transactions = new TransactionTemplate(transactions);
	}

	public boolean isLinked(ExternalIdentity identity) {
		return identities.find(identity.provider(), identity.subject()).isPresent();
	}

	public List<LinkedIdentity> ofUser(long userId) {
		return identities.ofUser(userId);
	}

	/** The second step (multi-factor authentication) an external sign-in must pass like a password login. */
	public void setLoginCompletion(LoginCompletion completion) {
		this.completion = completion;
	}

	/**
	 * Logs the linked user in with a fresh session id, as a password login does; an account with a second factor
	 * (or whose role requires one) is not signed in yet: the answer is the page of that step.
	 * @throws AuthenticationException when the account may not sign in (banned, unconfirmed)
	 */
	public Optional<String> signIn(ExternalIdentity identity, ProviderTokens tokens, HttpServletRequest request,
			HttpServletResponse response) {
		ExternalIdentityAuthentication attempt = ExternalIdentityAuthentication.unauthenticated(identity.provider(),
				identity.subject());
		attempt.setDetails(details.buildDetails(request));
		manager.authenticate(attempt);
		LinkedIdentity linked = identities.find(identity.provider(), identity.subject()).orElseThrow();
		identities.used(linked.id(), identity.email());
		if (tokens != null) {
			identities.saveTokens(linked.id(), tokens);
		}
		AccountPrincipal principal = AccountPrincipal.of(users.findById(linked.userId()).orElseThrow());
		return completeLogin(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities()), request, response);
	}

	/**
	 * Signs the browser in with a first factor (the provider's identity, or the account's password given to link
	 * it), or, when the account needs a second factor, keeps it pending and answers the page of the next step.
	 */
	public Optional<String> completeLogin(Authentication firstFactor, HttpServletRequest request,
			HttpServletResponse response) {
		if (completion.needsAnotherStep(firstFactor)) {
			return Optional.of(completion.defer(firstFactor, false, null, request).page());
		}
		sessionLogin.login(firstFactor, request, response);
		return Optional.empty();
	}

	/** Links the identity to a user who has proven the account (logged in, or just logged in with its password). */
	public LinkOutcome link(long userId, ExternalIdentity identity, ProviderTokens tokens) {
		Optional<LinkedIdentity> existing = identities.find(identity.provider(), identity.subject());
		if (existing.isPresent()) {
			return existing.get().userId() == userId ? LinkOutcome.LINKED : LinkOutcome.LINKED_TO_ANOTHER_ACCOUNT;
		}
		if (identities.ofUser(userId).stream().anyMatch(i -> i.provider().equals(identity.provider()))) {
			return LinkOutcome.PROVIDER_ALREADY_LINKED;
		}
		try {
			transactions.executeWithoutResult(status -> {
				long id = identities.link(userId, identity);
				if (tokens != null) {
					identities.saveTokens(id, tokens);
				}
			});
		}
		catch (DuplicateKeyException raceLost) {
			return isLinked(identity) ? LinkOutcome.LINKED_TO_ANOTHER_ACCOUNT : LinkOutcome.PROVIDER_ALREADY_LINKED;
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.EXTERNAL_IDENTITY_LINKED, userId,
				identity.provider()));
		return LinkOutcome.LINKED;
	}

	/**
	 * A new account for an identity whose provider verified its email address: confirmed, without a password, the
	 * identity linked, the user logged in. An address that has an account already is never linked here: the user
	 * proves that account first.
	 */
	public RegisterOutcome register(ExternalIdentity identity, ProviderTokens tokens, HttpServletRequest request,
			HttpServletResponse response) {
		if (!properties.getFeatures().isRegisterable()) {
			return RegisterOutcome.NOT_ALLOWED;
		}
		if (!identity.emailVerified()) {
			return RegisterOutcome.EMAIL_UNVERIFIED;
		}
		rateLimits.registration(request, identity.email()).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		if (users.emailTaken(identity.email())) {
			return RegisterOutcome.EMAIL_TAKEN;
		}
		long userId;
		try {
			userId = transactions.execute(status -> {
				long id = users.create(identity.email(), null, null, true);
				identities.takeOverName(id, identity);
				long identityId = identities.link(id, identity);
				if (tokens != null) {
					identities.saveTokens(identityId, tokens);
				}
				return id;
			});
		}
		catch (DuplicateKeyException raceLost) {
			return RegisterOutcome.EMAIL_TAKEN;
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.REGISTRATION, userId, identity.provider()));
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.EXTERNAL_IDENTITY_LINKED, userId,
				identity.provider()));
		signIn(identity, null, request, response);
		return RegisterOutcome.CREATED;
	}
}
