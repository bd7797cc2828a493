package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class GatehouseLocaleResolverTest {

	private final GatehouseLocaleResolver resolver = new GatehouseLocaleResolver(List.of("en", "de", "fr"));

	/** LocaleResolver allows a null response (e.g. RequestContext#changeLocale without one): the choice holds for the request. */
	@Test
	void aChoiceWithoutAResponseHoldsForTheRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "fr");
		resolver.setLocale(request, null, Locale.GERMAN);
		assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.GERMAN);
	}
}
