package org.gatehouse.server.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's texts (bundle {@value #BUNDLE}, also picocli's usage help) in the process's language:
 * Java maps LC_ALL / LC_MESSAGES / LANG to {@link Locale#getDefault()}; English when there is no bundle for it.
 */
final class CliMessages {

	static final String BUNDLE = "org.gatehouse.server.cli.messages";

	private CliMessages() {
	}

	/** The text for {@code key}; arguments as in {@link MessageFormat} (numbers as text unless the pattern formats them). */
	static String get(String key, Object... arguments) {
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
		return new MessageFormat(bundle.getString(key), Locale.getDefault()).format(arguments);
	}
}
