package org.gatehouse.oidc;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Browsers apply a page's CSP {@code form-action} to every redirect that follows the form's submission. The login
 * form in front of an authorization request and the consent form both end in a redirect to the relying party, which
 * {@code form-action 'self'} would stop; on those two pages the origins of the client's registered redirect URIs
 * (never one taken from the request) are added to form-action.
 */
class RelyingPartyFormAction extends OncePerRequestFilter {

	private static final String AUTHORIZE = "/oauth2/authorize";

	/** Looked up at the first request: servlet filters are created with the web server, before the database is ready. */
	private final ObjectProvider<RegisteredClientRepository> clients;
	private final String loginPage;

	RelyingPartyFormAction(ObjectProvider<RegisteredClientRepository> clients, String loginPage) {
		this.clients = clients;
		this.loginPage = loginPage;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"GET".equals(request.getMethod())
				|| !(path.equals(loginPage) || path.equals(OidcProviderSecurityConfiguration.CONSENT_PAGE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String policy = response.getHeader("Content-Security-Policy");
		String clientId = clientId(request);
		if (policy != null && clientId != null && policy.contains("form-action 'self'")) {
			RegisteredClient client = clients.getObject().findByClientId(clientId);
			if (client != null) {
				Set<String> origins = new LinkedHashSet<>();
				client.getRedirectUris().forEach(uri -> origins.add(origin(uri)));
				response.setHeader("Content-Security-Policy",
						policy.replace("form-action 'self'", "form-action 'self' " + String.join(" ", origins)));
			}
		}
		chain.doFilter(request, response);
	}

	private String clientId(HttpServletRequest request) {
		String direct = request.getParameter("client_id");
		if (direct != null) {
			return direct;
		}
		String next = request.getParameter("next");
		if (next == null || !next.startsWith(request.getContextPath() + AUTHORIZE + "?")) {
			return null;
		}
		return UriComponentsBuilder.fromUriString(next).build().getQueryParams().getFirst("client_id");
	}

	private static String origin(String uri) {
		URI parsed = URI.create(uri);
		return parsed.getScheme() + "://" + parsed.getRawAuthority();
	}
}
