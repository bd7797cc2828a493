package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;

import org.gatehouse.account.UserStore;
import org.gatehouse.http.testapp.RawHttp;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The problems written outside Spring MVC's handlers (security chains, filters, the container's error
 * report) speak the language the pages would: {@code Accept-Language} or the switcher's cookie.
 */
@GatehouseServerTest
class LocalizedHttpProblemsTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("gatehouseSessionStoreUnavailableFilter")
	FilterRegistrationBean<? extends Filter> storeUnavailable;

	ApiTestUsers users;

	@Autowired
	void users(UserStore store, PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	@Test
	void unauthorizedInGermanAndFrench() {
		ApiClient client = new ApiClient(port);
		assertThat(client.get("/api/me", "Accept-Language", "de").detail()).isEqualTo("Anmeldung erforderlich");
		client.setCookie("gatehouse_lang", "fr");
		assertThat(client.get("/api/me", "Accept-Language", "de").detail()).isEqualTo("Authentification requise");
		ApiClient.Response badToken = new ApiClient(port).get("/api/me", "Authorization", "Bearer gh_nope",
				"Accept-Language", "fr-CH, fr;q=0.9");
		assertThat(badToken.status()).isEqualTo(401);
		assertThat(badToken.detail()).isEqualTo("Jeton invalide, expiré ou révoqué");
		assertThat(new ApiClient(port).get("/api/me", "Authorization", "Bearer gh_nope", "Accept-Language", "de")
			.detail()).isEqualTo("Ungültiges, abgelaufenes oder widerrufenes Token");
	}

	@Test
	void forbiddenInGermanAndFrench() {
		ApiClient user = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient.Response denied = user.get("/api/admin/users", "Accept-Language", "de");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.detail()).isEqualTo("Zugriff verweigert");
		assertThat(user.get("/api/admin/users", "Accept-Language", "fr").detail()).isEqualTo("Accès refusé");

		ApiClient.Response created = user.post("/api/tokens",
				Map.of("password", ApiTestUsers.PASSWORD, "name", "read", "scopes", List.of("user:read")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String readOnly = "Bearer " + created.json().path("token").asString();
		ApiClient script = new ApiClient(port);
		ApiClient.Response scope = script.post("/api/tokens", Map.of("name", "x"), "Authorization", readOnly,
				"Accept-Language", "fr");
		assertThat(scope.status()).isEqualTo(403);
		assertThat(scope.detail()).isEqualTo("Le jeton n’a pas la portée (scope) nécessaire");
		assertThat(script.post("/api/tokens", Map.of("name", "x"), "Authorization", readOnly, "Accept-Language", "de")
			.detail()).isEqualTo("Dem Token fehlt die nötige Berechtigung (Scope)");
	}

	@Test
	void notFoundInGermanAndFrench() {
		assertThat(new ApiClient(port).get("/api/nope", "Accept-Language", "de").detail())
			.isEqualTo("Diesen API-Endpunkt gibt es nicht: GET /api/nope");
		assertThat(new ApiClient(port).get("/api/nope", "Accept-Language", "fr").detail())
			.isEqualTo("Ce point d’accès de l’API n’existe pas : GET /api/nope");
	}

	@Test
	void methodNotAllowedInGermanAndFrench() {
		ApiClient.Response german = new ApiClient(port).get("/api/login", "Accept-Language", "de");
		assertThat(german.status()).isEqualTo(405);
		assertThat(german.detail()).isEqualTo("Dieser Endpunkt nimmt POST an, nicht GET.");
		assertThat(new ApiClient(port).get("/api/login", "Accept-Language", "fr").detail())
			.isEqualTo("Ce point d’accès accepte POST, pas GET.");
	}

	@Test
	void unsupportedMediaTypeInGermanAndFrench() {
		for (String[] expected : List.of(new String[] { "de", "Dieser Endpunkt nimmt application/json an." },
				new String[] { "fr", "Ce point d’accès accepte application/json." })) {
			ApiClient client = new ApiClient(port);
			ApiClient.Response form = client.send(client.request("/api/forgot-password", "Accept-Language", expected[0])
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org")));
			assertThat(form.status()).isEqualTo(415);
			assertThat(form.detail()).isEqualTo(expected[1]);
		}
	}

	@Test
	void payloadTooLargeInGermanAndFrench() throws Exception {
		RawHttp.Response german = tooLarge("de");
		assertThat(german.status()).isEqualTo(413);
		assertThat(german.body()).contains("\"detail\":\"Der Inhalt der Anfrage ist größer als 1048576 Bytes\"");
		RawHttp.Response french = tooLarge("fr");
		assertThat(french.body()).contains("\"detail\":\"Le corps de la requête dépasse 1048576 octets\"");
	}

	@Test
	void sessionStoreUnavailableInGermanAndFrench() throws Exception {
		assertThat(unavailable("/api/me", "de").getContentAsString())
			.contains("Dienst vorübergehend nicht verfügbar: Ein Datenspeicher (Sitzungen oder Datenbank)");
		MockHttpServletResponse page = unavailable("/account/", "fr");
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).startsWith("Service temporairement indisponible : un stockage");
	}

	@Test
	void theContainersOwnRefusalsInGermanAndFrench() throws Exception {
		RawHttp.Response api = RawHttp.send(port,
				"GET /api/%ff HTTP/1.1\nHost: localhost\nAccept-Language: de\nConnection: close\n", new byte[0]);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.body()).contains("\"detail\":\"Der Server konnte diese Anfrage nicht verarbeiten.\"");
		RawHttp.Response page = RawHttp.send(port,
				"GET /%ff HTTP/1.1\nHost: localhost\nCookie: gatehouse_lang=fr\nConnection: close\n", new byte[0]);
		assertThat(page.body()).contains("<html lang=\"fr\">", "<title>400 Bad Request</title>",
				"Désolé, cela n’a pas fonctionné.");
	}

	@Test
	void aForgedLanguageCookieOrAHostileAcceptLanguageIsIgnoredNotAnError() throws Exception {
		// not a locale: ignored, Accept-Language decides
		assertRefusalsIn("Cookie: gatehouse_lang=x!y\nAccept-Language: de\n", "Anmeldung erforderlich", "de");
		// a supported language with a time zone that does not exist: the language counts, the zone does not
		assertRefusalsIn("Cookie: gatehouse_lang=fr/Nowhere\nAccept-Language: de\n", "Authentification requise", "fr");
		assertRefusalsIn("Accept-Language: ;;,*;q=9,-x-,zz-!!;q=abc,\u00e9\n", "Authentication required", "en");
	}

	/** The security chain's 401 on /api/me, the container's 400 on /api/%ff and on a page path, with these headers. */
	private void assertRefusalsIn(String headers, String unauthorized, String language) throws Exception {
		RawHttp.Response api = RawHttp.send(port, "GET /api/me HTTP/1.1\nHost: localhost\n" + headers
				+ "Connection: close\n", new byte[0]);
		assertThat(api.status()).as(headers).isEqualTo(401);
		assertThat(api.body()).as(headers).contains("\"detail\":\"" + unauthorized + "\"");
		RawHttp.Response container = RawHttp.send(port, "GET /api/%ff HTTP/1.1\nHost: localhost\n" + headers
				+ "Connection: close\n", new byte[0]);
		assertThat(container.status()).as(headers).isEqualTo(400);
		assertThat(container.body()).as(headers).startsWith("{\"type\":\"about:blank\"").doesNotContain("Exception");
		RawHttp.Response page = RawHttp.send(port, "GET /%ff HTTP/1.1\nHost: localhost\n" + headers
				+ "Connection: close\n", new byte[0]);
		assertThat(page.status()).as(headers).isEqualTo(400);
		assertThat(page.body()).as(headers).contains("<html lang=\"" + language + "\">").doesNotContain("Exception");
	}

	/** One byte above the default limit of 1 MiB. */
	private RawHttp.Response tooLarge(String language) throws Exception {
		int size = 1024 * 1024 + 1;
		return RawHttp.send(port, "POST /api/login HTTP/1.1\nHost: localhost\nAccept-Language: " + language
				+ "\nContent-Type: application/json\nContent-Length: " + size + "\nConnection: close\n", new byte[size]);
	}

	private MockHttpServletResponse unavailable(String path, String language) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.addHeader("Accept-Language", language);
		MockHttpServletResponse response = new MockHttpServletResponse();
		storeUnavailable.getFilter().doFilter(request, response, (req, res) -> {
			throw new DataAccessResourceFailureException("store down");
		});
		assertThat(response.getStatus()).isEqualTo(503);
		return response;
	}
}
