package org.gatehouse.login.external;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gatehouse.login.*}: the external providers users may sign in with. The feature is on when at least one
 * provider is configured. The provider's name (the map key) is stored with every identity linked through it
 * (gh_external_identity.provider), so it is not renamed once users have linked identities.
 */
@ConfigurationProperties(prefix = "gatehouse.login")
public class ExternalLoginProperties {

	/** Providers by name; the name is shown in URLs (/oauth2/authorization/NAME) and stored with each identity. */
	private Map<String, Provider> providers = new LinkedHashMap<>();

	public Map<String, Provider> getProviders() { return providers; }
	public void setProviders(Map<String, Provider> providers) { this.providers = providers; }

	public static class Provider {
		/** oidc (any OpenID Connect provider, by issuer-uri), orcid or github. Unset: the name when it is a preset, else oidc. */
		private ProviderPreset preset;
		/** Text of the "Sign in with ..." button. Unset: the preset's name (ORCID, GitHub) or the provider's name. */
		private String displayName;
		/** OpenID Connect issuer; its /.well-known/openid-configuration is read at the first sign-in. Preset for ORCID. */
		private String issuerUri;
		/** The client id Gatehouse was registered with at the provider. */
		private String clientId;
		/** The client secret Gatehouse was registered with at the provider. */
		private String clientSecret;
		/** Scopes asked for. Unset: openid, profile, email (ORCID: openid; GitHub: read:user, user:email). */
		private List<String> scopes = new ArrayList<>();
		/** Keep the provider's access and refresh tokens (encrypted) for the application's later use. */
		private boolean storeTokens = false;
		/** Authorization endpoint, for providers without discovery (GitHub preset: https://github.com/login/oauth/authorize). */
		private String authorizationUri;
		/** Token endpoint, for providers without discovery (GitHub preset: https://github.com/login/oauth/access_token). */
		private String tokenUri;
		/** User endpoint, for providers without discovery (GitHub preset: https://api.github.com/user). */
		private String userInfoUri;
		/** GitHub's list of the user's addresses with their verified flags (preset: https://api.github.com/user/emails). */
		private String userEmailsUri;

		public ProviderPreset getPreset() { return preset; }
		public void setPreset(ProviderPreset preset) { this.preset = preset; }
		public String getDisplayName() { return displayName; }
		public void setDisplayName(String displayName) { this.displayName = displayName; }
		public String getIssuerUri() { return issuerUri; }
		public void setIssuerUri(String issuerUri) { this.issuerUri = issuerUri; }
		public String getClientId() { return clientId; }
		public void setClientId(String clientId) { this.clientId = clientId; }
		public String getClientSecret() { return clientSecret; }
		public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
		public List<String> getScopes() { return scopes; }
		public void setScopes(List<String> scopes) { this.scopes = scopes; }
		public boolean isStoreTokens() { return storeTokens; }
		public void setStoreTokens(boolean storeTokens) { this.storeTokens = storeTokens; }
		public String getAuthorizationUri() { return authorizationUri; }
		public void setAuthorizationUri(String authorizationUri) { this.authorizationUri = authorizationUri; }
		public String getTokenUri() { return tokenUri; }
		public void setTokenUri(String tokenUri) { this.tokenUri = tokenUri; }
		public String getUserInfoUri() { return userInfoUri; }
		public void setUserInfoUri(String userInfoUri) { this.userInfoUri = userInfoUri; }
		public String getUserEmailsUri() { return userEmailsUri; }
		public void setUserEmailsUri(String userEmailsUri) { this.userEmailsUri = userEmailsUri; }
	}
}
