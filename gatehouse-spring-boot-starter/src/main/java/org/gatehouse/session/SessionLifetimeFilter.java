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

import org.springframework.web.filter.OncePerRequestFilter;

/** Ends sessions older than the absolute lifetime, however active they are (the store only knows idle time). */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration absoluteTimeout;
	private final Clock clock;

	public SessionLifetimeFilter(Duration absoluteTimeout, Clock clock) {
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Instant created = Instant.ofEpochMilli(session.getCreationTime());
			if (created.plus(absoluteTimeout).isBefore(clock.instant())) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}
}
