package org.gatehouse.server;

import org.gatehouse.web.GatehouseErrorPages;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The server's error pages are Gatehouse's: it serves no other application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(GatehouseErrorPages.class)
class ServerErrorPages {
}
