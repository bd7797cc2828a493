package org.gatehouse.webauthn;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.http.ExternalUrls;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.util.StringUtils;

/**
 * The relying party a request talks to: the configured id and origins, or else the request's own
 * host and origin (the Host header has passed gatehouse.http.allowed-hosts by then, and the port
 * counts only as {@link ExternalUrls} trusts it), so one server answering for several allowed hosts
 * binds each passkey to the host it was made on. Spring Security's relying party operations are
 * made once per (id, origins) and kept.
 */
class RelyingParties {

	private final WebAuthnProperties properties;
	private final ExternalUrls externalUrls;
	private final PublicKeyCredentialUserEntityRepository userEntities;
	private final UserCredentialRepository credentials;
	private final Cache<Key, WebAuthnRelyingPartyOperations> operations = Caffeine.newBuilder().maximumSize(64).build();

	RelyingParties(WebAuthnProperties properties, ExternalUrls externalUrls,
			PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
		this.properties = properties;
		this.externalUrls = externalUrls;
		this.userEntities = userEntities;
		this.credentials = credentials;
	}

	record RelyingParty(PublicKeyCredentialRpEntity entity, UserVerificationRequirement userVerification,
			WebAuthnRelyingPartyOperations operations) {
	}

	private record Key(String rpId, Set<String> origins) {
	}

	RelyingParty of(HttpServletRequest request) {
		String origin = externalUrls.baseUrl(request);
		String rpId = StringUtils.hasText(properties.getRpId()) ? properties.getRpId() : URI.create(origin).getHost();
		Set<String> origins = properties.getAllowedOrigins().isEmpty() ? Set.of(origin)
				: new LinkedHashSet<>(properties.getAllowedOrigins());
		PublicKeyCredentialRpEntity entity = PublicKeyCredentialRpEntity.builder()
			.id(rpId)
			.name(properties.getRpName())
			.build();
		WebAuthnRelyingPartyOperations ops = operations.get(new Key(rpId, origins),
				key -> new Webauthn4JRelyingPartyOperations(userEntities, credentials, entity, key.origins()));
		return new RelyingParty(entity, userVerification(), ops);
	}

	private UserVerificationRequirement userVerification() {
		return switch (properties.getUserVerification().toLowerCase(java.util.Locale.ROOT)) {
			case "required" -> UserVerificationRequirement.REQUIRED;
			case "discouraged" -> UserVerificationRequirement.DISCOURAGED;
			default -> UserVerificationRequirement.PREFERRED;
		};
	}
}
