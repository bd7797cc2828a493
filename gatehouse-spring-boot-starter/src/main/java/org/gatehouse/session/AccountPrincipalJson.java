package org.gatehouse.session;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.gatehouse.account.AccountPrincipal;

/**
 * How an {@link AccountPrincipal} is stored in a session: its four fields, nothing derived. Read field by field, so
 * the roles come back as plain strings whatever collection type the JSON names.
 */
public final class AccountPrincipalJson {

	private AccountPrincipalJson() {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonDeserialize(using = Reader.class)
	@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
			isGetterVisibility = JsonAutoDetect.Visibility.NONE)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public abstract static class Mixin {
	}

	static final class Reader extends ValueDeserializer<AccountPrincipal> {

		@Override
		public AccountPrincipal deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			JsonNode node = context.readTree(parser);
			JsonNode roles = node.path("roles");
			// default typing writes a collection as [type, [values]]
			if (roles.isArray() && roles.size() == 2 && roles.get(0).isString() && roles.get(1).isArray()) {
				roles = roles.get(1);
			}
			Set<String> names = new LinkedHashSet<>();
			roles.forEach(role -> names.add(role.asString()));
			JsonNode username = node.path("username");
			return new AccountPrincipal(node.path("id").asLong(), node.path("email").asString(),
					username.isString() ? username.asString() : null, Set.copyOf(names));
		}
	}
}
