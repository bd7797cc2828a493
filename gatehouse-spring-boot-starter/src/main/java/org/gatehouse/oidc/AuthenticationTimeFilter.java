package org.gatehouse.oidc;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Authorization Server takes an ID token's auth_time from the factor authorities Spring Security 7 gives a
 * login; Gatehouse's password login has none, so for the provider's endpoints the signed-in user is seen with a
 * password factor issued at their last login (gh_user.current_login_at). Only this request's security context
 * changes; the session keeps what the login stored.
 */
class AuthenticationTimeFilter extends OncePerRequestFilter {

	private final UserStore users;
	private final Clock clock;

	AuthenticationTimeFilter(UserStore users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& authentication.getAuthorities().stream().noneMatch(FactorGrantedAuthority.class::isInstance)) {
			Instant loginAt = users.findById(principal.id()).map(User::currentLoginAt).orElse(null);
			List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
			authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
				.issuedAt(loginAt != null ? loginAt : clock.instant()).build());
			UsernamePasswordAuthenticationToken withFactor = UsernamePasswordAuthenticationToken.authenticated(principal,
					null, authorities);
			withFactor.setDetails(authentication.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(withFactor);
			SecurityContextHolder.setContext(context);
			// the authorization request was read (with the principal as it was then) before remember-me and this
			// filter ran; the endpoint reads it again with the principal as it is now
			request.removeAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName());
		}
		chain.doFilter(request, response);
	}
}
