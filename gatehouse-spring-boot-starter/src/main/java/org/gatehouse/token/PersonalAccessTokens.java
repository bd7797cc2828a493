package org.gatehouse.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.crypto.Sha256;
import org.springframework.validation.Errors;

/**
 * Issues, checks and revokes personal access tokens: {@code gat_} + base64url(32 random bytes),
 * stored as SHA-256 only. A token works while it is neither revoked nor expired and its user
 * is active; the user is re-read on every request so deactivation takes effect at once.
 * A token is a long-lived credential: creating one needs a recent password (in the request or
 * a recent re-authentication of the session), and it lives at most gatehouse.api.token-max-lifetime.
 */
public class PersonalAccessTokens {

	public static final String TOKEN_PREFIX = "gat_";
	/** Characters of the token kept in clear, so users can tell their tokens apart. */
	static final int SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length() + 8;
	static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
	private static final int RANDOM_BYTES = 32;
	private static final int MAX_TOKEN_LENGTH = 100;
	static final int MAX_NAME_LENGTH = 100;
	/** Control, format (bidi overrides, zero-width) and lone surrogate characters: invisible or misleading in a list. */
	/**
	 * Tokens imported from Invenio (invenio-oauth2server's personal tokens: 60 letters and digits) keep their value,
	 * so they have no {@link #TOKEN_PREFIX}; nothing else of that form is ever stored.
	 */
	private static final Pattern IMPORTED_TOKEN = Pattern.compile("[A-Za-z0-9]{20," + MAX_TOKEN_LENGTH + "}");
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]");

	/** The stored token and, this one time only, the token itself. */
	public record Issued(ApiToken token, String secret) {
	}

	private final ApiTokenStore store;
	private final UserStore users;
	private final Clock clock;
	private final Reauthentication reauthentication;
	private final Duration maxLifetime;
	private final SecureRandom random = new SecureRandom();

	public PersonalAccessTokens(ApiTokenStore store, UserStore users, Clock clock, Reauthentication reauthentication,
			ApiProperties properties) {
		this.store = store;
		this.users = users;
		this.clock = clock;
		this.reauthentication = reauthentication;
		this.maxLifetime = properties.getTokenMaxLifetime();
	}

	/**
	 * A new token, or empty with reasons in {@code errors}. {@code ceiling} limits the scopes
	 * when the request itself came with a token (a token never mints a stronger one); null for sessions.
	 * Without an expiry the token expires after the maximum lifetime.
	 *
	 * @throws org.gatehouse.account.ReauthenticationRequiredException without a recent password
	 */
	public Optional<Issued> issue(long userId, String name, List<String> scopeNames, Instant expiresAt,
			Set<TokenScope> ceiling, Errors errors) {
		reauthentication.requireRecentPassword("problem.token-needs-password");
		User user = users.findById(userId).orElseThrow();
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > MAX_NAME_LENGTH || INVISIBLE.matcher(label).find()) {
			errors.rejectValue("name", "token.name.invalid", new Object[] { MAX_NAME_LENGTH },
					"A name of 1 to " + MAX_NAME_LENGTH + " visible characters.");
		}
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		for (String scopeName : scopeNames == null ? List.<String>of() : scopeNames) {
			TokenScope.parse(scopeName).ifPresentOrElse(scopes::add,
					() -> errors.rejectValue("scopes", "token.scope.unknown", new Object[] { scopeName },
							"Unknown scope: " + scopeName));
		}
		if (scopes.isEmpty() && !errors.hasFieldErrors("scopes")) {
			errors.rejectValue("scopes", "token.scope.required", "Choose at least one scope.");
		}
		if (scopes.contains(TokenScope.ADMIN) && !user.hasRole("admin")) {
			errors.rejectValue("scopes", "token.scope.admin", "Only administrators can create admin tokens.");
		}
		if (ceiling != null && !ceiling.containsAll(scopes)) {
			errors.rejectValue("scopes", "token.scope.ceiling",
					"A token can only create tokens with scopes it has itself.");
		}
		Instant now = clock.instant();
		Instant latest = now.plus(maxLifetime);
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			errors.rejectValue("expiresAt", "token.expiry.past", "The expiry must be in the future.");
		}
		else if (expiresAt != null && expiresAt.isAfter(latest)) {
			errors.rejectValue("expiresAt", "token.expiry.too-late", new Object[] { maxLifetime.toDays() },
					"A token lives at most " + maxLifetime.toDays() + " days.");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		String secret = newSecret();
		String prefix = secret.substring(0, SHOWN_PREFIX_LENGTH);
		long id = store.create(userId, label, hash(secret), prefix, scopes, now, expiresAt == null ? latest : expiresAt);
		return Optional.of(new Issued(store.findById(id).orElseThrow(), secret));
	}

	/** The authentication for a presented token, or empty when it is unknown, revoked, expired or its user inactive. */
	public Optional<ApiTokenAuthentication> authenticate(String presented) {
		if (presented == null || presented.length() > MAX_TOKEN_LENGTH
				|| !presented.startsWith(TOKEN_PREFIX) && !IMPORTED_TOKEN.matcher(presented).matches()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<ApiToken> token = store.findByHash(hash(presented)).filter(t -> t.usableAt(now, maxLifetime));
		Optional<User> user = token.flatMap(t -> users.findById(t.userId())).filter(User::active);
		if (user.isEmpty()) {
			return Optional.empty();
		}
		store.touch(token.get().id(), now, LAST_USED_RESOLUTION);
		return Optional.of(new ApiTokenAuthentication(AccountPrincipal.of(user.get()), token.get()));
	}

	public List<ApiToken> list(long userId) {
		return store.listFor(userId);
	}

	public boolean revoke(long userId, long tokenId) {
		return store.revoke(userId, tokenId, clock.instant());
	}

	/** Ban flow: every token of the user is refused from now on. */
	public int revokeAllFor(long userId) {
		return store.revokeAllFor(userId, clock.instant());
	}

	private String newSecret() {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** How a token is stored: the hex SHA-256 of its UTF-8 bytes. */
	public static String hash(String secret) {
		return Sha256.hex(secret);
	}
}
