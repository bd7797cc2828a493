package org.gatehouse.login.external;

import java.util.Map;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Who the provider says signed in: its subject (the only key an identity is found by) and the email address it
 * reported, with whether the provider verified it.
 */
public record ExternalIdentity(String provider, String subject, String email, boolean emailVerified) {

	static ExternalIdentity of(OAuth2AuthenticationToken token) {
		OAuth2User user = token.getPrincipal();
		String subject = user instanceof OidcUser oidc ? oidc.getSubject() : user.getName();
		Map<String, Object> attributes = user.getAttributes();
		Object email = attributes.get(ProviderUserService.EMAIL);
		Object verified = attributes.get(ProviderUserService.EMAIL_VERIFIED);
		boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified));
		String address = email instanceof String s && !s.isBlank() && s.length() <= 320 ? s.strip() : null;
		return new ExternalIdentity(token.getAuthorizedClientRegistrationId(), subject, address,
				address != null && emailVerified);
	}
}
