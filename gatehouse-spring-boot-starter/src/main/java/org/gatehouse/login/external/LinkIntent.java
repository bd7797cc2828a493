package org.gatehouse.login.external;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A logged-in user asked to link a provider: the answer from that provider links to this user, as long as the
 * session is still theirs when it comes back. Used once.
 */
final class LinkIntent {

	private static final String ATTRIBUTE = LinkIntent.class.getName();

	private LinkIntent() {
	}

	static void start(HttpServletRequest request, long userId, String provider) {
		request.getSession().setAttribute(ATTRIBUTE, userId + ":" + provider);
	}

	/** The user the identity of {@code provider} is to be linked to, if this session asked for it; forgotten after. */
	static Optional<Long> take(HttpServletRequest request, String provider) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String intent)) {
			return Optional.empty();
		}
		session.removeAttribute(ATTRIBUTE);
		Long loggedIn = loggedInUser(session);
		return loggedIn != null && intent.equals(loggedIn + ":" + provider) ? Optional.of(loggedIn) : Optional.empty();
	}

	private static Long loggedInUser(HttpSession session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context instanceof SecurityContext security && security.getAuthentication() != null
				&& security.getAuthentication().getPrincipal() instanceof AccountPrincipal principal ? principal.id()
						: null;
	}
}
