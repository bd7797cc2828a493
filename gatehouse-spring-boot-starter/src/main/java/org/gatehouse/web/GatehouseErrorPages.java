package org.gatehouse.web;

import org.springframework.context.annotation.Import;

/**
 * Gatehouse's error handling for an application that leaves every error page to Gatehouse, as
 * gatehouse-server does: the {@code /error} controller (problem+json under /api/, Gatehouse's error
 * page elsewhere, never a message or a stack trace), Tomcat's error report in the same words with the
 * security headers, and 400 instead of 500 for unparseable multipart bodies on any URL. Not
 * auto-configured: an application's error pages are its own. Opt in with
 * {@code @Import(GatehouseErrorPages.class)} on a configuration class.
 */
@Import({ GatehouseErrorController.class, ContainerErrorReports.class, MalformedRequestAdvice.class })
public final class GatehouseErrorPages {

	private GatehouseErrorPages() {
	}
}
