package org.gatehouse.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page where a user lets a relying party have the scopes it asked for. Spring Authorization Server sends the user
 * here with the client, the scopes and its state; the form posts back to the authorization endpoint, which checks the
 * state (it is bound to this user's pending request) and issues the code. Scopes approved before are listed as such.
 */
@Controller
class ConsentController {

	static final String TEMPLATE = "gatehouse/oidc_consent";

	private final RegisteredClientRepository clients;
	private final OAuth2AuthorizationConsentService consents;

	ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents) {
		this.clients = clients;
		this.consents = consents;
	}

	@GetMapping(OidcProviderSecurityConfiguration.CONSENT_PAGE)
	String consent(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam("client_id") String clientId,
			@RequestParam(name = "scope", defaultValue = "") String scope, @RequestParam("state") String state,
			Model model) {
		RegisteredClient client = clients.findByClientId(clientId);
		if (client == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		OAuth2AuthorizationConsent given = consents.findById(client.getId(), principal.getUsername());
		Set<String> approved = given == null ? Set.of() : given.getScopes();
		List<String> toApprove = new ArrayList<>();
		List<String> approvedBefore = new ArrayList<>();
		for (String requested : scope.split(" ")) {
			if (requested.isEmpty() || requested.equals(OidcScopes.OPENID) || !OidcScopes.SUPPORTED.contains(requested)) {
				continue;
			}
			(approved.contains(requested) ? approvedBefore : toApprove).add(requested);
		}
		model.addAttribute("clientId", clientId);
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("state", state);
		model.addAttribute("scopes", toApprove);
		model.addAttribute("approvedScopes", approvedBefore);
		model.addAttribute("authorizeUrl", "/oauth2/authorize");
		return TEMPLATE;
	}
}
