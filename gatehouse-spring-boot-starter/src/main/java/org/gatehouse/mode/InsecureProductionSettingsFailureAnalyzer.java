package org.gatehouse.mode;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the production-setting problems without a stack trace. Active once listed under
 * {@code org.springframework.boot.diagnostics.FailureAnalyzer} in {@code META-INF/spring.factories}.
 */
public class InsecureProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InsecureProductionSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InsecureProductionSettingsException cause) {
		String nl = System.lineSeparator();
		return new FailureAnalysis(
				"Unsafe settings for production mode:" + nl + " - " + String.join(nl + " - ", cause.getProblems()),
				"Fix each setting above (property or environment variable), "
						+ "or run with gatehouse.mode=development on a developer machine.",
				cause);
	}
}
