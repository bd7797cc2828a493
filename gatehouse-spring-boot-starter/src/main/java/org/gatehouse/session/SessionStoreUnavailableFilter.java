package org.gatehouse.session;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.http.ApiRequests;
import org.gatehouse.http.ProblemResponses;
import org.gatehouse.http.RequestMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails closed, and clearly, while a backing store is down: a request that cannot reach the
 * session store (Redis) or the database answers 503 with a short message and
 * {@code Retry-After}, never a 500 and never as if it were logged in. Runs just outside Spring
 * Session's repository filter, so failures to load or save the session are caught as well.
 * Requests that need neither store keep working; nothing is cached, so recovery is immediate
 * once the store is back.
 */
class SessionStoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionStoreUnavailableFilter.class);

	private final RequestMessages messages;

	SessionStoreUnavailableFilter(RequestMessages messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			Throwable cause = storeFailure(ex);
			if (cause == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("503 for {} {}: store unavailable: {}", request.getMethod(), request.getRequestURI(), cause.toString());
			unavailable(request, response);
		}
	}

	/** The store failure in the cause chain, or null when the exception is something else. */
	static Throwable storeFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof QueryTimeoutException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException
					|| (t instanceof SQLException sql && sql.getSQLState() != null
							&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
					|| isNamed(t.getClass())) {
				return t;
			}
			// a failed rollback after a store failure hides that failure behind "Connection is closed"
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& storeFailure(rollback.getApplicationException()) != null) {
				return rollback.getApplicationException();
			}
		}
		return null;
	}

	/** By name, so applications without Redis on the class path need none of these classes. */
	private static boolean isNamed(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			switch (c.getName()) {
				case "org.springframework.data.redis.RedisConnectionFailureException",
						"org.springframework.data.redis.RedisSystemException",
						"io.lettuce.core.RedisConnectionException", "io.lettuce.core.RedisCommandTimeoutException" -> {
					return true;
				}
				default -> {
				}
			}
		}
		return false;
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		response.setHeader("Cache-Control", "no-store");
		if (ApiRequests.isApi(request)) {
			messages.problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.service-unavailable");
		}
		else {
			ProblemResponses.plainText(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
					messages.get(request, "problem.service-unavailable"));
		}
	}
}
