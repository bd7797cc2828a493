package org.gatehouse.testapp;

import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;

/** Helpers for ApplicationContextRunner tests of one feature's auto-configuration. */
public final class ContextRunners {

	private ContextRunners() {
	}

	/** Mockito mocks of the given types, standing for the beans other features would bring. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <R extends AbstractApplicationContextRunner<R, ?, ?>> R withMocks(R runner, Class<?>... types) {
		R result = runner;
		for (Class type : types) {
			result = (R) result.withBean(type, () -> Mockito.mock(type));
		}
		return result;
	}
}
