package org.gatehouse.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.SessionLoggedInEvent;
import org.gatehouse.http.IpLiteral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records where a logged-in session is used: at its first request and then at most once
 * per write interval, so a busy session does not write on every request.
 */
class SessionActivityFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionActivityFilter.class);
	static final String LAST_WRITE = "gatehouse.activity.lastWrite";
	/** The session id the activity row was last written for (an id change means a new row). */
	static final String WRITTEN_FOR = "gatehouse.activity.sessionId";

	private final SessionActivityStore store;
	private final ClientDescriptions userAgents;
	private final CountryLookup geoIp;
	private final Duration writeInterval;
	private final Clock clock;

	SessionActivityFilter(SessionActivityStore store, ClientDescriptions userAgents, CountryLookup geoIp,
			Duration writeInterval, Clock clock) {
		this.store = store;
		this.userAgents = userAgents;
		this.geoIp = geoIp;
		this.writeInterval = writeInterval;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			record(request);
		}
	}

	/** The login request ends in Spring Security's filter (a redirect), before this filter: it records the session itself. */
	void loggedIn(SessionLoggedInEvent event) {
		record(event.request());
	}

	private void record(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
			return;
		}
		try {
			Instant now = clock.instant();
			String id = session.getId();
			Long lastWrite = (Long) session.getAttribute(LAST_WRITE);
			String writtenFor = (String) session.getAttribute(WRITTEN_FOR);
			boolean sameSession = id.equals(writtenFor);
			if (sameSession && lastWrite != null && now.toEpochMilli() - lastWrite < writeInterval.toMillis()) {
				return;
			}
			// hashed only when a row is written: the digest showed at the top of the per-request profile
			String hash = SessionIdHash.of(id);
			if (writtenFor != null && !sameSession) {
				store.delete(SessionIdHash.of(writtenFor));
			}
			ClientDescription client = userAgents.describe(request.getHeader("User-Agent"));
			String ip = IpLiteral.parse(request.getRemoteAddr()).orElse(request.getRemoteAddr());
			store.upsert(new SessionActivity(hash, principal.id(), Instant.ofEpochMilli(session.getCreationTime()), now,
					ip, geoIp.countryOf(ip), client.browser(), client.browserVersion(), client.os(), client.device()));
			session.setAttribute(LAST_WRITE, now.toEpochMilli());
			session.setAttribute(WRITTEN_FOR, id);
		}
		catch (IllegalStateException ex) {
			log.debug("Session ended during the request: {}", ex.getMessage());
		}
	}
}
