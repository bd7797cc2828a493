package org.gatehouse.login.external;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The user of a plain OAuth 2 provider (GitHub): its user API names the user; GitHub's user API shows only the public
 * address, so the emails API is asked which address is primary and verified. The result carries {@code email} and
 * {@code email_verified} as an OpenID Connect provider's claims do.
 */
class ProviderUserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	static final String EMAIL = "email";
	static final String EMAIL_VERIFIED = "email_verified";

	private final DefaultOAuth2UserService users = new DefaultOAuth2UserService();
	private final ExternalProviders providers;
	private final RestClient rest;

	ProviderUserService(ExternalProviders providers, RestClient.Builder rest) {
		this.providers = providers;
		this.rest = rest.build();
	}

	private record GitHubEmail(String email, boolean primary, boolean verified) {
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest request) {
		OAuth2User user = users.loadUser(request);
		String name = request.getClientRegistration().getRegistrationId();
		if (providers.preset(name).orElse(ProviderPreset.OIDC) != ProviderPreset.GITHUB) {
			return user;
		}
		Map<String, Object> attributes = new HashMap<>(user.getAttributes());
		attributes.remove(EMAIL);
		primaryEmail(providers.userEmailsUri(name), request.getAccessToken().getTokenValue()).ifPresent(e -> {
			attributes.put(EMAIL, e.email());
			attributes.put(EMAIL_VERIFIED, e.verified());
		});
		String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
			.getUserNameAttributeName();
		return new DefaultOAuth2User(user.getAuthorities(), attributes, nameAttribute);
	}

	private java.util.Optional<GitHubEmail> primaryEmail(String uri, String accessToken) {
		try {
			List<GitHubEmail> emails = rest.get().uri(uri)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(new ParameterizedTypeReference<List<GitHubEmail>>() { });
			return emails == null ? java.util.Optional.empty()
					: emails.stream().filter(GitHubEmail::primary).findFirst();
		}
		catch (RestClientException ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
					"The provider's emails API failed: " + ex.getMessage(), null), ex);
		}
	}
}
