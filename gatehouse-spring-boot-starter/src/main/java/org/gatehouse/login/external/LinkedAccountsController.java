package org.gatehouse.login.external;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The user's Accounts page: the identities linked to the account, and linking and unlinking them. */
@Controller
class LinkedAccountsController {

	static final String TEMPLATE = "gatehouse/linked_accounts";

	/** One linked identity as the page shows it. */
	record Row(String provider, String providerName, String email, java.time.Instant createdAt,
			java.time.Instant lastUsedAt) {
	}

	private final ExternalAccounts accounts;
	private final ExternalProviders providers;
	private final IdentityLinks links;

	LinkedAccountsController(ExternalAccounts accounts, ExternalProviders providers, IdentityLinks links) {
		this.accounts = accounts;
		this.providers = providers;
		this.links = links;
	}

	@GetMapping(ExternalLoginPaths.ACCOUNTS)
	String page(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String linked,
			@RequestParam(required = false) String refused, @RequestParam(required = false) String unlinked,
			Model model) {
		List<LinkedIdentity> identities = accounts.ofUser(user.id());
		Set<String> linkedProviders = identities.stream().map(LinkedIdentity::provider).collect(Collectors.toSet());
		model.addAttribute("identities", identities.stream().map(i -> new Row(i.provider(),
				providers.displayName(i.provider()), i.email(), i.createdAt(), i.lastUsedAt())).toList());
		model.addAttribute("linkable", providers.buttons().stream()
			.filter(b -> !linkedProviders.contains(b.name())).toList());
		model.addAttribute("accountsNotice", notice(linked, refused, unlinked));
		return TEMPLATE;
	}

	/** A GET, as the login page's buttons: the browser leaves for the provider, which a form's CSP form-action forbids. */
	@GetMapping(ExternalLoginPaths.ACCOUNTS + "link/{provider}")
	String link(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String provider,
			HttpServletRequest request) {
		if (!providers.exists(provider)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		LinkIntent.start(request, user.id(), provider);
		return "redirect:" + ExternalLoginPaths.AUTHORIZATION + provider;
	}

	@PostMapping(ExternalLoginPaths.ACCOUNTS + "unlink/{provider}")
	String unlink(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String provider) {
		ExternalAccounts.UnlinkOutcome outcome = links.unlink(user.id(), provider);
		return "redirect:" + ExternalLoginPaths.ACCOUNTS
				+ (outcome == ExternalAccounts.UnlinkOutcome.UNLINKED ? "?unlinked=" : "?refused=") + outcome.name();
	}

	/** The message key of what the last action did; only Gatehouse's own outcome names become keys. */
	private static String notice(String linked, String refused, String unlinked) {
		String outcome = linked != null ? linked : unlinked != null ? unlinked : refused;
		boolean known = java.util.stream.Stream.concat(
				java.util.Arrays.stream(ExternalAccounts.LinkOutcome.values()),
				java.util.Arrays.stream(ExternalAccounts.UnlinkOutcome.values()))
			.anyMatch(o -> o.name().equals(outcome));
		if (!known) {
			return null;
		}
		return "accounts.outcome." + outcome.toLowerCase(java.util.Locale.ROOT);
	}
}
