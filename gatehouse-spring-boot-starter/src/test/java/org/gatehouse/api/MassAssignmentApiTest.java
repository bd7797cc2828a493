package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Mass assignment (issue 23, item 22): no write endpoint lets a client set what it must not
 * choose. Structurally, for every POST/PUT/PATCH/DELETE handler found in the handler mappings
 * (so a new endpoint is checked without touching this test), no JSON body or form object it binds
 * has a property for an account's or token's protected state. Behaviourally, the JSON endpoints
 * given such extra fields ignore them; {@code admin.MassAssignmentFormTest} does the forms.
 */
@GatehouseServerTest
class MassAssignmentApiTest {

	/** Normalised (lower case, no "_") names of state only the server sets. */
	static final Set<String> PROTECTED = Set.of("id", "userid", "user", "roles", "role", "active", "confirmed",
			"confirmedat", "admin", "createdat", "passwordhash", "logincount", "currentloginat", "lastloginat",
			"currentloginip", "lastloginip", "scopes", "prefix", "tokenhash", "lastusedat", "revokedat", "validuntil");

	/** The few places where a client legitimately names one of them. */
	static final Map<String, Set<String>> ALLOWED = Map.of("/api/tokens", Set.of("scopes"),
			"/api/admin/users/{id}/roles", Set.of("role"), "/admin/users/new", Set.of("roles"));

	@LocalServerPort
	int port;

	@Autowired
	UserStore store;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	ApiTestUsers users;

	@Autowired
	void users(UserStore store, PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	@Test
	void noWriteEndpointBindsProtectedState() {
		List<String> checked = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.stream().anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD)) {
				for (String path : info.getPatternValues()) {
					for (Class<?> bound : boundObjects(handler)) {
						Set<String> allowed = ALLOWED.getOrDefault(path, Set.of());
						checked.add(path + " " + bound.getSimpleName());
						bindableNames(bound).stream().filter(n -> PROTECTED.contains(n) && !allowed.contains(n))
							.forEach(n -> offending.add(path + " " + bound.getName() + "." + n));
					}
				}
			}
		});
		assertThat(checked).as("bodies and forms found").anyMatch(s -> s.startsWith("/api/tokens "))
			.anyMatch(s -> s.startsWith("/api/register ")).anyMatch(s -> s.startsWith("/signup/ "))
			.anyMatch(s -> s.startsWith("/admin/users/new "));
		assertThat(offending).as("write endpoints that bind protected state").isEmpty();
	}

	/** The JSON bodies and form objects a handler binds from the request. */
	static List<Class<?>> boundObjects(HandlerMethod handler) {
		List<Class<?>> bound = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)
					|| parameter.hasParameterAnnotation(ModelAttribute.class)) {
				bound.add(parameter.getParameterType());
			}
		}
		return bound;
	}

	/** What a client can set: record components (and their JSON names), or bean properties with a setter. */
	static Set<String> bindableNames(Class<?> type) {
		Set<String> names = new java.util.HashSet<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				names.add(normalise(component.getName()));
				JsonProperty json = component.getAnnotation(JsonProperty.class);
				if (json != null) {
					names.add(normalise(json.value()));
				}
			}
		}
		else {
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
				if (property.getWriteMethod() != null) {
					names.add(normalise(property.getName()));
				}
			}
		}
		return names;
	}

	static String normalise(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

	/** Every protected name, in JSON spelling, with a value an attacker would like. */
	static Map<String, Object> extras(long someoneElse) {
		Map<String, Object> extras = new HashMap<>();
		extras.put("id", 1);
		extras.put("user_id", someoneElse);
		extras.put("userId", someoneElse);
		extras.put("roles", List.of("admin"));
		extras.put("role", "admin");
		extras.put("active", true);
		extras.put("confirmed", true);
		extras.put("confirmed_at", "2020-01-01T00:00:00Z");
		extras.put("confirmedAt", "2020-01-01T00:00:00Z");
		extras.put("admin", true);
		extras.put("created_at", "2000-01-01T00:00:00Z");
		extras.put("login_count", 99);
		extras.put("prefix", "gat_chosen00");
		extras.put("token", "gat_chosenByTheAttacker0000000000000000000000");
		extras.put("last_used_at", "2000-01-01T00:00:00Z");
		extras.put("revoked_at", null);
		extras.put("valid_until", "2999-01-01T00:00:00Z");
		return extras;
	}

	private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(extra);
		body.putAll(base);
		return body;
	}

	@Test
	void registrationIgnoresRolesConfirmationAndIds() {
		long other = users.create(ApiTestUsers.uniqueEmail());
		String email = ApiTestUsers.uniqueEmail();
		ApiClient client = new ApiClient(port);
		client.get("/api/csrf");
		ApiClient.Response registered = client.post("/api/register",
				with(Map.of("email", email, "password", ApiTestUsers.PASSWORD), extras(other)));
		assertThat(registered.status()).as(registered.body()).isBetween(200, 299);
		User user = store.findByEmail(email).orElseThrow();
		assertThat(user.roles()).isEmpty();
		assertThat(user.confirmed()).isFalse();
		assertThat(user.id()).isNotIn(1L, other);
		assertThat(user.loginCount()).isLessThanOrEqualTo(1);
		assertThat(store.findById(other).orElseThrow().email()).isNotEqualTo(email);
	}

	@Test
	void changingThePasswordIgnoresEmailAndRoles() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = users.loggedIn(port, email);
		Map<String, Object> extra = extras(0);
		extra.put("email", "taken-over@example.org");
		extra.put("username", "takenover");
		ApiClient.Response changed = owner.post("/api/change-password",
				with(Map.of("password", ApiTestUsers.PASSWORD, "new_password", "another-long-passphrase-7"), extra));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		User user = store.findByEmail(email).orElseThrow();
		assertThat(user.username()).isNull();
		assertThat(user.roles()).isEmpty();
	}

	@Test
	void aNewTokenIsTheCallersWithAServerChosenSecret() {
		long other = users.create(ApiTestUsers.uniqueEmail());
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = users.loggedIn(port, email);
		ApiClient.Response created = owner.post("/api/tokens", with(Map.of("name", "cli", "scopes",
				List.of("user:read"), "password", ApiTestUsers.PASSWORD), extras(other)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode token = created.json();
		assertThat(token.path("token").asString()).isNotEqualTo("gat_chosenByTheAttacker0000000000000000000000")
			.startsWith(token.path("prefix").asString());
		assertThat(token.path("prefix").asString()).isNotEqualTo("gat_chosen00");
		assertThat(token.path("scopes").toString()).isEqualTo("[\"user:read\"]");
		assertThat(token.path("last_used_at").isMissingNode() || token.path("last_used_at").isNull()).isTrue();
		assertThat(owner.get("/api/tokens").json().size()).isEqualTo(1);
		ApiClient.Response me = new ApiClient(port).get("/api/me", "Authorization",
				"Bearer " + token.path("token").asString());
		assertThat(me.json().path("email").asString()).isEqualTo(email);
		// an admin scope the caller may not have is refused, not quietly granted
		ApiClient.Response admin = owner.post("/api/tokens", Map.of("name", "x", "scopes", List.of("user:read", "admin"),
				"password", ApiTestUsers.PASSWORD));
		assertThat(admin.status()).isEqualTo(400);
	}

	@Test
	void aRoleGoesOnlyToTheUserInThePath() {
		long target = users.create(ApiTestUsers.uniqueEmail());
		long other = users.create(ApiTestUsers.uniqueEmail());
		ApiClient admin = users.admin(port);
		assertThat(admin.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		Map<String, Object> extra = extras(other);
		extra.remove("role");
		ApiClient.Response added = admin.post("/api/admin/users/" + target + "/roles",
				with(Map.of("role", "editor"), extra));
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(store.findById(target).orElseThrow().roles()).containsExactly("editor");
		assertThat(store.findById(other).orElseThrow().roles()).isEmpty();
		assertThat(store.findById(target).orElseThrow().confirmed()).isTrue();
	}

	@Test
	void loginAndReauthenticationIgnoreExtraFields() {
		String email = ApiTestUsers.uniqueEmail();
		users.create(email);
		ApiClient client = new ApiClient(port);
		client.get("/api/csrf");
		ApiClient.Response login = client.post("/api/login",
				with(Map.of("email", email, "password", ApiTestUsers.PASSWORD), extras(0)));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(client.get("/api/me").json().path("roles").size()).isZero();
		assertThat(store.findByEmail(email).orElseThrow().roles()).isEmpty();
	}
}
