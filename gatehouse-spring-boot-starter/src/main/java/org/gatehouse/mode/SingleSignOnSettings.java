package org.gatehouse.mode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.login.external.ExternalLoginProperties;
import org.gatehouse.oidc.OidcProperties;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Production requirements of single sign-on. The provider's issuer is what relying parties pin and where they fetch
 * its keys, so it must be fixed and on HTTPS rather than follow each request's Host header; an external provider
 * reached over plain HTTP would hand its codes, tokens and user data to whoever is on the path.
 */
final class SingleSignOnSettings {

	private static final String ISSUER = "gatehouse.oidc.issuer (GATEHOUSE_OIDC_ISSUER)";
	private static final String ISSUER_HINT = "set it to the public HTTPS address relying parties use, "
			+ "e.g. `https://auth.example.org`";

	private SingleSignOnSettings() {
	}

	static List<String> problems(GatehouseProperties properties, Binder binder) {
		List<String> problems = new ArrayList<>();
		if (properties.getFeatures().isOidcProvider()) {
			issuerProblem(binder.bind("gatehouse.oidc", OidcProperties.class).orElseGet(OidcProperties::new).getIssuer())
				.ifPresent(problems::add);
		}
		ExternalLoginProperties login = binder.bind("gatehouse.login", ExternalLoginProperties.class)
			.orElseGet(ExternalLoginProperties::new);
		login.getProviders().forEach((name, provider) -> problems.addAll(plainHttpEndpoints(name, provider)));
		return problems;
	}

	private static Optional<String> issuerProblem(String issuer) {
		if (issuer == null || issuer.isBlank()) {
			return Optional.of(ISSUER + " is not set while gatehouse.features.oidc-provider is on: relying parties "
					+ "pin the issuer, which would otherwise follow each request's Host header; " + ISSUER_HINT);
		}
		if (!isHttps(issuer)) {
			return Optional.of(ISSUER + " is not an https:// URL: relying parties fetch the signing keys and send "
					+ "tokens there; " + ISSUER_HINT);
		}
		URI uri = URI.create(issuer.strip());
		if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return Optional.of(ISSUER + " must be a URL with a host and without query or fragment (OpenID Connect "
					+ "Discovery); " + ISSUER_HINT);
		}
		return Optional.empty();
	}

	private static List<String> plainHttpEndpoints(String name, ExternalLoginProperties.Provider provider) {
		List<String> problems = new ArrayList<>();
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("issuer-uri", provider.getIssuerUri());
		endpoints.put("authorization-uri", provider.getAuthorizationUri());
		endpoints.put("token-uri", provider.getTokenUri());
		endpoints.put("user-info-uri", provider.getUserInfoUri());
		endpoints.put("user-emails-uri", provider.getUserEmailsUri());
		endpoints.forEach((key, url) -> {
			if (url != null && !url.isBlank() && !isHttps(url)) {
				String variable = ("GATEHOUSE_LOGIN_PROVIDERS_" + name + "_" + key).toUpperCase(Locale.ROOT)
					.replace('-', '_');
				problems.add("gatehouse.login.providers." + name + "." + key + " (" + variable + ") is not an https:// "
						+ "URL: sign-in codes, tokens and the user's data would cross the network in clear; use the "
						+ "provider's HTTPS address");
			}
		});
		return problems;
	}

	private static boolean isHttps(String url) {
		try {
			return "https".equals(new URI(url.strip()).getScheme());
		}
		catch (URISyntaxException malformed) {
			return false;
		}
	}
}
