package org.gatehouse.login.external;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The configured providers as Spring Security client registrations. An OpenID Connect provider's registration is
 * built from its discovery document at its first use, not at start-up: a provider that is down (or out of reach
 * from a developer's machine) costs its own button, never Gatehouse's start. A failed discovery is tried again at
 * the next use.
 */
public class ExternalProviders implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(ExternalProviders.class);
	private static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	/** A provider as the login and accounts pages show it. */
	public record Button(String name, String displayName) {
	}

	private final ExternalLoginProperties properties;
	private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

	public ExternalProviders(ExternalLoginProperties properties) {
		this.properties = properties;
	}

	public List<Button> buttons() {
		return properties.getProviders().keySet().stream().map(name -> new Button(name, displayName(name))).toList();
	}

	public boolean exists(String name) {
		return name != null && properties.getProviders().containsKey(name);
	}

	public String displayName(String name) {
		ExternalLoginProperties.Provider provider = properties.getProviders().get(name);
		if (provider == null) {
			return name;
		}
		if (provider.getDisplayName() != null && !provider.getDisplayName().isBlank()) {
			return provider.getDisplayName();
		}
		ProviderPreset preset = ProviderPreset.of(name, provider);
		return preset == ProviderPreset.OIDC ? name : preset.displayName();
	}

	boolean storesTokens(String name) {
		ExternalLoginProperties.Provider provider = properties.getProviders().get(name);
		return provider != null && provider.isStoreTokens();
	}

	Optional<ProviderPreset> preset(String name) {
		return Optional.ofNullable(properties.getProviders().get(name)).map(p -> ProviderPreset.of(name, p));
	}

	String userEmailsUri(String name) {
		String configured = properties.getProviders().get(name).getUserEmailsUri();
		return configured != null ? configured : ProviderPreset.GITHUB_EMAILS_URI;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!exists(registrationId)) {
			return null;
		}
		return registrations.computeIfAbsent(registrationId, this::build);
	}

	private ClientRegistration build(String name) {
		ExternalLoginProperties.Provider provider = properties.getProviders().get(name);
		ProviderPreset preset = ProviderPreset.of(name, provider);
		List<String> scopes = provider.getScopes().isEmpty() ? preset.scopes() : provider.getScopes();
		ClientRegistration.Builder builder;
		if (preset == ProviderPreset.GITHUB) {
			builder = ClientRegistration.withRegistrationId(name)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationUri(or(provider.getAuthorizationUri(), ProviderPreset.GITHUB_AUTHORIZATION_URI))
				.tokenUri(or(provider.getTokenUri(), ProviderPreset.GITHUB_TOKEN_URI))
				.userInfoUri(or(provider.getUserInfoUri(), ProviderPreset.GITHUB_USER_URI))
				.userNameAttributeName("id");
		}
		else {
			String issuer = or(provider.getIssuerUri(), preset.issuerUri());
			try {
				builder = ClientRegistrations.fromIssuerLocation(issuer).registrationId(name);
			}
			catch (RuntimeException ex) {
				log.warn("External sign-in with {}: discovery at {} failed: {}", name, issuer, ex.toString());
				throw new ProviderUnavailableException(name, ex);
			}
		}
		return builder.clientId(provider.getClientId())
			.clientSecret(provider.getClientSecret())
			.redirectUri(REDIRECT_URI)
			.scope(scopes)
			.clientName(displayName(name))
			.build();
	}

	private static String or(String value, String fallback) {
		return value != null && !value.isBlank() ? value : fallback;
	}
}
