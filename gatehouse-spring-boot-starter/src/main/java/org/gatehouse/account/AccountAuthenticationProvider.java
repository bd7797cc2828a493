package org.gatehouse.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Email-or-username and password login, for every login path (form, JSON API, any other) through
 * Spring Security's AuthenticationManager. Unknown users, wrong passwords, inactive and locked
 * accounts fail alike and cost one password verification each (see {@link PasswordService});
 * the client address comes from the request's {@link WebAuthenticationDetails}.
 */
public class AccountAuthenticationProvider implements AuthenticationProvider {

	static final String BAD_CREDENTIALS = "Invalid credentials";

	private final UserStore users;
	private final PasswordCheck passwordCheck;
	private final GatehouseProperties properties;

	public AccountAuthenticationProvider(UserStore users, PasswordCheck passwordCheck,
			GatehouseProperties properties) {
		this.users = users;
		this.passwordCheck = passwordCheck;
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = authentication.getName();
		if (LoginNames.isMalformed(login)) {
			throw new MalformedLoginException();
		}
		String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
		String remoteAddr = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : currentRequestAddress();
		Optional<User> found = users.findByLogin(login);
		switch (passwordCheck.login(found, login, password, remoteAddr)) {
			case LOCKED -> throw new LoginThrottledException();
			case WRONG -> throw new BadCredentialsException(BAD_CREDENTIALS);
			case MATCH -> { }
		}
		User user = found.orElseThrow();
		GatehouseProperties.Features features = properties.getFeatures();
		if (features.isConfirmable() && !features.isLoginWithoutConfirmation() && !user.confirmed()) {
			throw new UnconfirmedAccountException();
		}
		AccountPrincipal principal = AccountPrincipal.of(user);
		// Spring Security's factor authority: what the login proved, read by multi-factor rules
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	/** For a caller that left out the details: the address still reaches the throttle, never "unknown". */
	private static String currentRequestAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
