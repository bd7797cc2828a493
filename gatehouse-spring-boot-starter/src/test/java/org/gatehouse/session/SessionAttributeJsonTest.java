package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.cache.NearCaches;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Session attributes in the database store (H2 here; PostgreSQL and Redis in SessionStoresTest) are allow-listed JSON:
 * whoever can write to the store cannot make Gatehouse instantiate a class of their choice, and a session holding
 * such a value, or one in the Java-serialised format of earlier versions, is treated as absent.
 */
@GatehouseServerTest
class SessionAttributeJsonTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	SessionAttributeCodec codec;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	NearCaches nearCaches;

	SessionStorageChecks checks;

	@BeforeEach
	void checks() {
		checks = new SessionStorageChecks("http://localhost:" + port, StoredSessions.jdbc(dataSource).readBy(nearCaches), codec, users,
				passwords);
	}

	@Test
	void everyAttributeOfARealSessionIsAllowListedJsonThatReadsBack() {
		checks.assertEveryAttributeOfARealSessionIsAllowListedJson();
	}

	static Stream<Arguments> forgeries() {
		GadgetProbe gadget = new GadgetProbe();
		return Stream.of(
				Arguments.of("a gadget type as an attribute of its own", "forged",
						SessionStorageChecks.json(SessionStorageChecks.FORGED_GADGET)),
				Arguments.of("a gadget type inside the security context", SessionStorageChecks.CONTEXT,
						SessionStorageChecks.json(SessionStorageChecks.FORGED_NESTED_GADGET)),
				Arguments.of("a Java-serialised gadget", "forged", SessionStorageChecks.javaSerialised(gadget)),
				Arguments.of("a type off the allow-list", "forged",
						SessionStorageChecks.json("[\"java.net.URL\",\"http://attacker.example/\"]")),
				Arguments.of("corrupt JSON", SessionStorageChecks.CONTEXT, SessionStorageChecks.json("{\"@class\":")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void aForgedStoredValueIsNeverInstantiatedAndEndsTheSession(String what, String attribute, byte[] forged) {
		checks.assertForgedValueEndsTheSession(attribute, forged);
	}

	@Test
	void pagesSendASessionWithAForgedValueToTheLoginPage() {
		checks.assertForgedValueSendsPagesToLogin(SessionStorageChecks.CONTEXT,
				SessionStorageChecks.json(SessionStorageChecks.FORGED_NESTED_GADGET));
	}

	/** Rows written before the switch to JSON: the user logs in once more, nothing else happens. */
	@Test
	void aSessionStoredInTheOldJavaSerialisedFormatEndsOnceAndTheUserLogsInAgain() {
		SessionStorageChecks.Login login = checks.loggedInAdmin();
		AccountPrincipal principal = new AccountPrincipal(login.userId(), "old@example.org", null, Set.of("admin"));
		byte[] oldFormat = SessionStorageChecks.javaSerialised(new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, List.copyOf(principal.getAuthorities()))));
		StoredSessions.jdbc(dataSource).put(login.sessionId(), SessionStorageChecks.CONTEXT, oldFormat);

		assertThat(checks.get(login, "/api/me").statusCode()).isEqualTo(401);
		SessionStorageChecks.Login again = checks.loggedInAdmin();
		assertThat(checks.get(again, "/api/me").statusCode()).isEqualTo(200);
	}
}
