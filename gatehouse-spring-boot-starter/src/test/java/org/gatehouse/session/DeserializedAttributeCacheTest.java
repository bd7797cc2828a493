package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.gatehouse.account.AccountPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

class DeserializedAttributeCacheTest {

	final SerializingConverter serializer = new SerializingConverter();
	final DeserializingConverter jdk = new DeserializingConverter(getClass().getClassLoader());

	/** Java deserialisation that counts its calls. */
	final List<byte[]> deserialized = new ArrayList<>();
	final Function<byte[], Object> counting = bytes -> {
		this.deserialized.add(bytes);
		return this.jdk.convert(bytes);
	};

	private SecurityContext context(String email) {
		AccountPrincipal principal = new AccountPrincipal(7, email, null, Set.of("admin"));
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				AuthorityUtils.createAuthorityList("ROLE_admin")));
	}

	@Test
	void securityContextIsDeserialisedOnceAndEachReaderGetsItsOwnContext() {
		DeserializedAttributeCache cache = new DeserializedAttributeCache(100);
		byte[] stored = this.serializer.convert(context("ann@example.org"));

		SecurityContext first = (SecurityContext) cache.deserialize(stored.clone(), this.counting);
		SecurityContext second = (SecurityContext) cache.deserialize(stored.clone(), this.counting);

		assertThat(this.deserialized).hasSize(1);
		assertThat(second).isNotSameAs(first);
		assertThat(((AccountPrincipal) second.getAuthentication().getPrincipal()).email()).isEqualTo("ann@example.org");
		// logout clears the context it holds; the next request of the session still reads the login
		first.setAuthentication(null);
		SecurityContext third = (SecurityContext) cache.deserialize(stored.clone(), this.counting);
		assertThat(third.getAuthentication()).isNotNull();
		assertThat(third.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_admin");
	}

	@Test
	void differentBytesGiveTheirOwnValue() {
		DeserializedAttributeCache cache = new DeserializedAttributeCache(100);
		SecurityContext ann = (SecurityContext) cache.deserialize(this.serializer.convert(context("ann@example.org")),
				this.counting);
		SecurityContext bob = (SecurityContext) cache.deserialize(this.serializer.convert(context("bob@example.org")),
				this.counting);
		assertThat(((AccountPrincipal) ann.getAuthentication().getPrincipal()).email()).isEqualTo("ann@example.org");
		assertThat(((AccountPrincipal) bob.getAuthentication().getPrincipal()).email()).isEqualTo("bob@example.org");
		assertThat(this.deserialized).hasSize(2);
	}

	@Test
	void immutableValuesAreSharedAndMutableOnesDeserialisedEveryTime() {
		DeserializedAttributeCache cache = new DeserializedAttributeCache(100);
		byte[] number = this.serializer.convert(1_700_000_000_000L);
		assertThat(cache.deserialize(number, this.counting)).isEqualTo(1_700_000_000_000L);
		assertThat(cache.deserialize(number, this.counting)).isEqualTo(1_700_000_000_000L);
		assertThat(this.deserialized).hasSize(1);

		byte[] list = this.serializer.convert(new ArrayList<>(List.of("a")));
		@SuppressWarnings("unchecked")
		List<String> mine = (List<String>) cache.deserialize(list, this.counting);
		mine.add("b");
		assertThat(cache.deserialize(list, this.counting)).isEqualTo(List.of("a"));
		assertThat(this.deserialized).hasSize(3);
	}

	@Test
	void theStoresBufferIsNotKept() {
		DeserializedAttributeCache cache = new DeserializedAttributeCache(100);
		byte[] buffer = this.serializer.convert("first");
		byte[] original = buffer.clone();
		assertThat(cache.deserialize(buffer, this.counting)).isEqualTo("first");
		java.util.Arrays.fill(buffer, (byte) 0); // the store reuses its buffer
		assertThat(cache.deserialize(original, this.counting)).isEqualTo("first");
		assertThat(this.deserialized).hasSize(1);
	}

	@Test
	void sizeZeroTurnsTheCacheOff() {
		DeserializedAttributeCache cache = new DeserializedAttributeCache(0);
		byte[] stored = this.serializer.convert(context("ann@example.org"));
		cache.deserialize(stored, this.counting);
		cache.deserialize(stored, this.counting);
		assertThat(this.deserialized).hasSize(2);
	}
}
