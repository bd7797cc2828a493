package org.gatehouse.login.external;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.LoginThrottledException;
import org.gatehouse.account.PasswordLogin;
import org.gatehouse.account.UnconfirmedAccountException;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The choice page for an identity the provider vouched for that no account has linked: create an account (open
 * registration, an address the provider verified) or prove an existing account with its password, which then links
 * the identity. The address the provider reported never picks the account, verified or not.
 */
@Controller
class ExternalSignInController {

	static final String TEMPLATE = "gatehouse/external_signin";
	static final String CONFIRM_TEMPLATE = "gatehouse/external_confirm";

	private final PendingSignIn pending;
	private final ExternalAccounts accounts;
	private final ExternalProviders providers;
	private final PasswordLogin passwordLogin;
	private final GatehouseProperties properties;
	private final MailedLinkProof mailedLinks;

	ExternalSignInController(PendingSignIn pending, ExternalAccounts accounts, ExternalProviders providers,
			PasswordLogin passwordLogin, GatehouseProperties properties,
			MailedLinkProof mailedLinks) {
		this.mailedLinks = mailedLinks;
		this.pending = pending;
		this.accounts = accounts;
		this.providers = providers;
		this.passwordLogin = passwordLogin;
		this.properties = properties;
	}

	@GetMapping(ExternalLoginPaths.PENDING)
	String page(Model model, HttpServletRequest request) {
		Optional<PendingSignIn.Pending> found = pending.get(request);
		if (found.isEmpty()) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		return show(found.get(), model, null);
	}

	@PostMapping(ExternalLoginPaths.PENDING + "register")
	String register(Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<PendingSignIn.Pending> found = pending.get(request);
		if (found.isEmpty()) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		ExternalAccounts.RegisterOutcome outcome = accounts.register(found.get().identity(), found.get().tokens(),
				request, response);
		if (outcome == ExternalAccounts.RegisterOutcome.CREATED) {
			pending.clear(request);
			return "redirect:" + properties.getUrls().getPostLogin();
		}
		return show(found.get(), model, "external.register." + outcome.name().toLowerCase(java.util.Locale.ROOT));
	}

	@PostMapping(ExternalLoginPaths.PENDING + "link")
	String link(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<PendingSignIn.Pending> found = pending.get(request);
		if (found.isEmpty()) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		Authentication proven;
		try {
			proven = passwordLogin.authenticate(login, password, request);
		}
		catch (LoginThrottledException ex) {
			return show(found.get(), model, "login.throttled");
		}
		catch (UnconfirmedAccountException ex) {
			return show(found.get(), model, "login.unconfirmed");
		}
		catch (AuthenticationException ex) {
			return show(found.get(), model, "login.error");
		}
		long userId = ((AccountPrincipal) proven.getPrincipal()).id();
		ExternalAccounts.LinkOutcome outcome = accounts.link(userId, found.get().identity(), found.get().tokens());
		if (outcome != ExternalAccounts.LinkOutcome.LINKED) {
			return show(found.get(), model, "external.link." + outcome.name().toLowerCase(java.util.Locale.ROOT));
		}
		pending.clear(request);
		// the password is a first factor like any other: an account with a second factor answers it next
		return "redirect:" + accounts.completeLogin(proven, request, response)
			.orElse(ExternalLoginPaths.ACCOUNTS + "?linked=LINKED");
	}

	/** The same answer whether or not the login names an account. */
	@PostMapping(ExternalLoginPaths.PENDING + "mail")
	String mail(@RequestParam(defaultValue = "") String login, Model model, HttpServletRequest request) {
		Optional<PendingSignIn.Pending> found = pending.get(request);
		if (found.isEmpty()) {
			return "redirect:" + properties.getUrls().getLogin();
		}
		if (!login.isBlank() && login.length() <= 320) {
			mailedLinks.send(login, found.get().identity(), request);
		}
		model.addAttribute("externalNotice", "external.mail.sent");
		return show(found.get(), model, null);
	}

	/** A mailed link opens a page whose button links: mail scanners that follow links link nothing. */
	@GetMapping(ExternalLoginPaths.PENDING + "confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model) {
		Optional<MailedLinkProof.Claim> claim = mailedLinks.verify(token);
		if (claim.isEmpty()) {
			return message(model, "external.confirm.invalid", null);
		}
		model.addAttribute("token", token);
		model.addAttribute("providerName", providers.displayName(claim.get().identity().provider()));
		return CONFIRM_TEMPLATE;
	}

	@PostMapping(ExternalLoginPaths.PENDING + "confirm")
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletRequest request) {
		Optional<MailedLinkProof.Claim> claim = mailedLinks.verify(token);
		if (claim.isEmpty()) {
			return message(model, "external.confirm.invalid", null);
		}
		ExternalIdentity identity = claim.get().identity();
		ExternalAccounts.LinkOutcome outcome = accounts.link(claim.get().userId(), identity, null);
		if (outcome != ExternalAccounts.LinkOutcome.LINKED) {
			return message(model, "external.link." + outcome.name().toLowerCase(java.util.Locale.ROOT), null);
		}
		pending.get(request).filter(p -> p.identity().equals(identity)).ifPresent(p -> pending.clear(request));
		return message(model, "external.confirmed", providers.displayName(identity.provider()));
	}

	private String message(Model model, String key, String argument) {
		model.addAttribute("messageKey", key);
		model.addAttribute("messageArg", argument);
		return properties.getTemplates().getMessage();
	}

	@PostMapping(ExternalLoginPaths.PENDING + "cancel")
	String cancel(HttpServletRequest request) {
		pending.clear(request);
		return "redirect:" + properties.getUrls().getLogin();
	}

	private String show(PendingSignIn.Pending found, Model model, String error) {
		ExternalIdentity identity = found.identity();
		model.addAttribute("providerName", providers.displayName(identity.provider()));
		model.addAttribute("externalEmail", identity.email());
		model.addAttribute("externalEmailVerified", identity.emailVerified());
		model.addAttribute("canRegister", properties.getFeatures().isRegisterable() && identity.emailVerified());
		model.addAttribute("externalError", error);
		return TEMPLATE;
	}
}
