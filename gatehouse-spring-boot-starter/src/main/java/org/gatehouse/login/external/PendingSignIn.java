package org.gatehouse.login.external;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.crypto.FieldEncryptor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An identity the provider vouched for that is linked to no account yet, kept in the session until the user creates
 * an account or proves an existing one. Stored as one encrypted string (session stores keep only allow-listed types,
 * and the provider's tokens must not lie in the session store in clear).
 */
class PendingSignIn {

	static final String ATTRIBUTE = PendingSignIn.class.getName();

	/** Long enough to type a password or read a page; the provider is asked again after it. */
	private static final java.time.Duration VALIDITY = java.time.Duration.ofMinutes(15);

	record Pending(ExternalIdentity identity, ProviderTokens tokens, Instant createdAt) {
	}

	private final FieldEncryptor encryptor;
	private final JsonMapper json = JsonMapper.builder().build();

	PendingSignIn(FieldEncryptor encryptor) {
		this.encryptor = encryptor;
	}

	void save(HttpServletRequest request, ExternalIdentity identity, ProviderTokens tokens) {
		request.getSession().setAttribute(ATTRIBUTE,
				encryptor.encrypt(json.writeValueAsString(new Pending(identity, tokens, Instant.now()))));
	}

	Optional<Pending> get(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String stored)) {
			return Optional.empty();
		}
		try {
			return Optional.of(json.readValue(encryptor.decrypt(stored), Pending.class))
				.filter(p -> p.createdAt().isAfter(Instant.now().minus(VALIDITY)));
		}
		catch (JacksonException | IllegalArgumentException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	void clear(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}
}
