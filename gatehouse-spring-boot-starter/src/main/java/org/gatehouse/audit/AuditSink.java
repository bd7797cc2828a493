package org.gatehouse.audit;

/**
 * Where the security log goes. The default writes the table gh_audit_log, which the admin's audit
 * pages and the users' security log pages read; an application that declares its own bean sends
 * the events elsewhere instead. Every {@link SecurityEvent} is also an application event, so an
 * {@code @EventListener} can receive them beside whatever sink is in use.
 */
@FunctionalInterface
public interface AuditSink {

	/**
	 * Records one event; a failure is logged and never fails the action that caused it.
	 *
	 * @param ip the client's address, or null outside a request (command line, scheduled task)
	 * @param userAgent the client's User-Agent, or null
	 */
	void write(SecurityEvent event, String ip, String userAgent);
}
