package org.gatehouse.oidc;

import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.admin.AdminActionRule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin area's page for OpenID Connect clients, over the service of the command line and the admin API. A new
 * confidential client's secret is rendered into the answer to the creation form itself (not stored, not redirected
 * with, not cached): shown once. Registering and changing consent need a recent password as the API does; the
 * form itself asks for it first, so the administrator does not fill it in twice.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class OidcClientsPageController {

	static final String CLIENTS = "/admin/oidc/clients/";
	static final String NEW_CLIENT = CLIENTS + "new";

	private final OidcClients clients;
	private final AdminActionRule adminRule;

	OidcClientsPageController(OidcClients clients, AdminActionRule adminRule) {
		this.clients = clients;
		this.adminRule = adminRule;
	}

	@GetMapping(CLIENTS)
	String list(Model model) {
		model.addAttribute("clients", clients.list());
		return "gatehouse/admin/oidc_clients";
	}

	@GetMapping(NEW_CLIENT)
	String form(Model model) {
		adminRule.require();
		return form(model, new OidcClientForm());
	}

	@PostMapping(NEW_CLIENT)
	String create(@AuthenticationPrincipal AccountPrincipal admin, @ModelAttribute("form") OidcClientForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		adminRule.require();
		if (errors.hasErrors()) {
			return form(model, form);
		}
		CreatedOidcClient created;
		try {
			created = clients.create(form.toRequest(), admin.id());
		}
		catch (InvalidOidcClientException ex) {
			errors.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, form);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("client", created.client());
		model.addAttribute("secret", created.clientSecret());
		model.addAttribute("notice", "oidc.admin.created");
		return "gatehouse/admin/oidc_client";
	}

	@GetMapping(CLIENTS + "{clientId}")
	String show(@PathVariable String clientId, Model model) {
		model.addAttribute("client", find(clientId));
		return "gatehouse/admin/oidc_client";
	}

	@PostMapping(CLIENTS + "{clientId}")
	String changeConsent(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String clientId,
			@RequestParam boolean skipConsent, RedirectAttributes redirect) {
		OidcClient client = find(clientId);
		adminRule.require();
		clients.setSkipConsent(client.clientId(), skipConsent, admin.id());
		redirect.addFlashAttribute("notice", skipConsent ? "oidc.admin.consent-skipped" : "oidc.admin.consent-asked");
		return "redirect:" + CLIENTS + client.clientId();
	}

	@GetMapping(CLIENTS + "{clientId}/delete")
	String confirmDelete(@PathVariable String clientId, Model model) {
		model.addAttribute("client", find(clientId));
		return "gatehouse/admin/oidc_client_delete";
	}

	@PostMapping(CLIENTS + "{clientId}/delete")
	String delete(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String clientId,
			RedirectAttributes redirect) {
		OidcClient client = find(clientId);
		clients.delete(client.clientId(), admin.id());
		redirect.addFlashAttribute("notice", "oidc.admin.deleted");
		redirect.addFlashAttribute("noticeName", client.name());
		return "redirect:" + CLIENTS;
	}

	private String form(Model model, OidcClientForm form) {
		model.addAttribute("form", form);
		model.addAttribute("knownScopes", OidcScopes.SUPPORTED.stream().sorted().toList());
		return "gatehouse/admin/oidc_client_new";
	}

	/** By client id only: a page's URL names one client, never a name that another client's id could equal. */
	private OidcClient find(String clientId) {
		return clients.find(clientId).filter(client -> client.clientId().equals(clientId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
