package org.gatehouse.testapp;

import java.util.List;

import jakarta.servlet.Filter;

import org.gatehouse.csrf.RestCsrfTokenRepository;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Fails the test that changed the cached context's API filter chain, and puts it back. Spring Security's
 * {@code csrf()} request post-processor, used on an /api/** request, replaces that chain's
 * RestCsrfTokenRepository with a TestCsrfTokenRepository around a new HttpSessionCsrfTokenRepository
 * (header X-CSRF-TOKEN) inside the shared CsrfFilter: every later test class of the run then sees its
 * real X-CSRFToken header refused with "CSRF token mismatch", far from the cause.
 */
public class SharedSecurityFiltersGuard implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		RestCsrfTokenRepository expected = application.getBeanProvider(RestCsrfTokenRepository.class).getIfAvailable();
		CsrfFilter filter = apiCsrfFilter(application);
		if (expected == null || filter == null) {
			return;
		}
		CsrfTokenRepository actual = (CsrfTokenRepository) ReflectionTestUtils.getField(filter, "tokenRepository");
		if (actual != expected) {
			ReflectionTestUtils.setField(filter, "tokenRepository", expected);
			throw new AssertionError("The API filter chain's CSRF repository was replaced by " + actual
					+ " during this test, for every later test of the shared context; an /api/** request"
					+ " must send the X-CSRFToken header from the csrftoken cookie, not use .with(csrf())");
		}
	}

	private static CsrfFilter apiCsrfFilter(ApplicationContext application) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/me");
		for (FilterChainProxy proxy : application.getBeansOfType(FilterChainProxy.class).values()) {
			for (SecurityFilterChain chain : proxy.getFilterChains()) {
				if (chain.matches(request)) {
					List<Filter> filters = chain.getFilters();
					return filters.stream().filter(CsrfFilter.class::isInstance).map(CsrfFilter.class::cast)
						.findFirst().orElse(null);
				}
			}
		}
		return null;
	}
}
