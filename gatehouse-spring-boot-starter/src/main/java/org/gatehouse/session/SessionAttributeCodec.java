package org.gatehouse.session;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.gatehouse.account.AccountPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * Session attribute values as JSON, for the JDBC and Redis stores. Only types on an allow-list are ever
 * instantiated when reading: Spring Security's own (security contexts, authentications, CSRF tokens, saved
 * requests), Gatehouse's {@link AccountPrincipal}, strings, numbers, booleans and instants, plus the types an
 * application adds. Java serialisation, which this replaces, would instantiate whatever class the stored bytes
 * name, so whoever could write to the store could run code through a deserialisation gadget.
 * <p>
 * A value that cannot be read (a type off the list, Java-serialised bytes from before, corrupt JSON) reads as
 * {@link #UNREADABLE}; a session holding one is treated as absent, never half-read.
 */
final class SessionAttributeCodec {

	/** What an unreadable stored value reads as; never a value the application stored. */
	public static final Object UNREADABLE = Unreadable.VALUE;

	private static final Logger log = LoggerFactory.getLogger(SessionAttributeCodec.class);

	private final JsonMapper mapper;
	private final ObjectWriter writer;

	/** Shapes (see {@link ValueShape}) of values that have read back: the same shape reads back again. */
	private final Set<List<Class<?>>> readBack = ConcurrentHashMap.newKeySet();

	/** @param extraTypes fully qualified names of further classes an application stores in sessions */
	public SessionAttributeCodec(ClassLoader classLoader, Collection<String> extraTypes) {
		BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
			.allowIfSubType(AccountPrincipal.class)
			.allowIfSubType(Long.class)
			.allowIfSubType(Integer.class)
			.allowIfSubType(Short.class)
			.allowIfSubType(Byte.class)
			.allowIfSubType(Float.class)
			.allowIfSubType(Character.class);
		extraTypes.forEach(type -> allowed.allowIfSubType(Pattern.compile(Pattern.quote(type.strip()))));
		this.mapper = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(new WithoutAuthorizationServer(classLoader), allowed))
			.addMixIn(AccountPrincipal.class, AccountPrincipalJson.Mixin.class)
			.build();
		// typed as Object: every value carries its type, as it is read back as Object
		this.writer = this.mapper.writerFor(Object.class);
	}

	/**
	 * The stored form of {@code value}.
	 * @throws IllegalArgumentException when the value would not read back (a type off the allow-list): better a clear
	 * error where the attribute is set than a session that vanishes at the next request
	 */
	public byte[] write(Object value) {
		byte[] bytes = this.writer.writeValueAsBytes(value);
		// reading a security context back costs more than writing it (Spring Security's deserialisers build theirs
		// anew each time): once per shape is enough, and a login writes one
		List<Class<?>> shape = ValueShape.of(value);
		if (shape != null && this.readBack.contains(shape)) {
			return bytes;
		}
		if (read(bytes) == UNREADABLE) {
			throw new IllegalArgumentException("Session attribute of type " + value.getClass().getName()
					+ " cannot be stored: add it to gatehouse.session.attribute-types");
		}
		if (shape != null) {
			this.readBack.add(shape);
		}
		return bytes;
	}

	/** The value {@code bytes} hold, or {@link #UNREADABLE}; never instantiates a class off the allow-list. */
	public Object read(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		try {
			return this.mapper.readValue(bytes, Object.class);
		}
		catch (RuntimeException ex) {
			// the first line only: Jackson's messages go on with a location and a copy of the stored data
			log.warn("Unreadable session attribute (a type not allowed, the old Java-serialised format or corrupt "
					+ "data); its session is treated as absent: {}", String.valueOf(ex.getMessage()).lines().findFirst()
						.orElse(""));
			return UNREADABLE;
		}
	}

	private enum Unreadable {
		VALUE
	}

	/**
	 * The class loader as Spring Security's module discovery sees it, without the authorization server: it keeps
	 * nothing in sessions, and its module would widen the allow-list of every session value (java.net.URL among
	 * others) as the modules add their types to one shared validator.
	 */
	private static final class WithoutAuthorizationServer extends ClassLoader {

		private static final String HIDDEN = "org.springframework.security.oauth2.server.authorization.";

		WithoutAuthorizationServer(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith(HIDDEN)) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}
	}
}
