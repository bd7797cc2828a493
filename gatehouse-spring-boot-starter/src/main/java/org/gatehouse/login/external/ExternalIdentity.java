package org.gatehouse.login.external;

import java.util.Map;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Who the provider says signed in: its subject (the only key an identity is found by), the email address it
 * reported, with whether the provider verified it, and the user's name if it told one (OpenID Connect's and GitHub's
 * {@code name}), taken over only into an account created from this identity.
 */
public record ExternalIdentity(String provider, String subject, String email, boolean emailVerified, String name) {

	/** The column an account's name is kept in (gh_user.full_name, V8) holds this many characters. */
	private static final int MAX_NAME_LENGTH = 255;

	public ExternalIdentity(String provider, String subject, String email, boolean emailVerified) {
		this(provider, subject, email, emailVerified, null);
	}

	static ExternalIdentity of(OAuth2AuthenticationToken token) {
		OAuth2User user = token.getPrincipal();
		String subject = user instanceof OidcUser oidc ? oidc.getSubject() : user.getName();
		Map<String, Object> attributes = user.getAttributes();
		Object email = attributes.get(ProviderUserService.EMAIL);
		Object verified = attributes.get(ProviderUserService.EMAIL_VERIFIED);
		boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified));
		String address = email instanceof String s && !s.isBlank() && s.length() <= 320 ? s.strip() : null;
		Object name = attributes.get("name");
		String fullName = name instanceof String n && !n.isBlank() && n.strip().length() <= MAX_NAME_LENGTH
				&& n.chars().noneMatch(Character::isISOControl) ? n.strip() : null;
		return new ExternalIdentity(token.getAuthorizedClientRegistrationId(), subject, address,
				address != null && emailVerified, fullName);
	}
}
