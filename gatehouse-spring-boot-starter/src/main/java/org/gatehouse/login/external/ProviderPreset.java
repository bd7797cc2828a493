package org.gatehouse.login.external;

import java.util.List;

/** What Gatehouse knows about a kind of provider before its configuration is read. */
public enum ProviderPreset {

	/** Any OpenID Connect provider, found by its issuer URL (an institution's IdP, Keycloak, another Gatehouse). */
	OIDC("OpenID Connect", null, List.of("openid", "profile", "email")),
	/** ORCID's OpenID Connect provider: the subject is the ORCID iD; an email address is rarely released. */
	ORCID("ORCID", "https://orcid.org", List.of("openid")),
	/** GitHub: OAuth 2 without OpenID Connect; the user API names the user, its emails API says which address is verified. */
	GITHUB("GitHub", null, List.of("read:user", "user:email"));

	static final String GITHUB_AUTHORIZATION_URI = "https://github.com/login/oauth/authorize";
	static final String GITHUB_TOKEN_URI = "https://github.com/login/oauth/access_token";
	static final String GITHUB_USER_URI = "https://api.github.com/user";
	static final String GITHUB_EMAILS_URI = "https://api.github.com/user/emails";

	private final String displayName;
	private final String issuerUri;
	private final List<String> scopes;

	ProviderPreset(String displayName, String issuerUri, List<String> scopes) {
		this.displayName = displayName;
		this.issuerUri = issuerUri;
		this.scopes = scopes;
	}

	/** The preset named by the configuration, else the one the provider's name is, else generic OpenID Connect. */
	static ProviderPreset of(String name, ExternalLoginProperties.Provider provider) {
		if (provider.getPreset() != null) {
			return provider.getPreset();
		}
		for (ProviderPreset preset : values()) {
			if (preset.name().equalsIgnoreCase(name)) {
				return preset;
			}
		}
		return OIDC;
	}

	String displayName() {
		return displayName;
	}

	String issuerUri() {
		return issuerUri;
	}

	List<String> scopes() {
		return scopes;
	}
}
