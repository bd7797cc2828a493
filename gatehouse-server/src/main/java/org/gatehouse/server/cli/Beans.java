package org.gatehouse.server.cli;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's services for a command. The non-web Spring context behind them is started the
 * first time a command asks for one, so that parsing, usage errors, help and version never start it.
 */
public final class Beans implements AutoCloseable {

	private final Supplier<ConfigurableApplicationContext> starter;
	private final Function<Class<?>, Object> fixed;
	private ConfigurableApplicationContext context;

	private Beans(Supplier<ConfigurableApplicationContext> starter, Function<Class<?>, Object> fixed) {
		this.starter = starter;
		this.fixed = fixed;
	}

	/** Services from a context that {@code starter} starts on first use. */
	public static Beans starting(Supplier<ConfigurableApplicationContext> starter) {
		return new Beans(starter, null);
	}

	/** Given services, e.g. for a test: each is found by its own class or any supertype. */
	public static Beans of(Object... services) {
		return new Beans(null, type -> {
			for (Object service : services) {
				if (type.isInstance(service)) {
					return service;
				}
			}
			throw new IllegalStateException("No " + type.getSimpleName());
		});
	}

	public <T> T get(Class<T> type) {
		if (fixed != null) {
			return type.cast(fixed.apply(type));
		}
		if (context == null) {
			context = starter.get();
		}
		return context.getBean(type);
	}

	/** Whether a Spring context was started (never for usage errors, help and version). */
	public boolean started() {
		return context != null;
	}

	@Override
	public void close() {
		if (context != null) {
			context.close();
		}
	}
}
