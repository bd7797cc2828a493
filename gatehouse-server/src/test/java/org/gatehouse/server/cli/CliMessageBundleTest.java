package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's bundle is complete in every language, and every key the code or picocli asks for is in it. */
class CliMessageBundleTest {

	private static final List<String> TRANSLATIONS = List.of("de", "fr");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

	private static final Pattern USED_KEY = Pattern.compile("\"(cli\\.[a-z0-9.\\-]+)\"");

	/** A quote MessageFormat would swallow: a single ' (a literal one is written '') . */
	private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyTranslationHasExactlyTheKeysAndPlaceholdersOfTheDefaultBundle() throws IOException {
		Properties english = bundle("");
		for (String language : TRANSLATIONS) {
			Properties translated = bundle("_" + language);
			assertThat(difference(english.stringPropertyNames(), translated.stringPropertyNames()))
				.as("keys missing in messages_%s.properties", language).isEmpty();
			assertThat(difference(translated.stringPropertyNames(), english.stringPropertyNames()))
				.as("keys only in messages_%s.properties", language).isEmpty();
			for (String key : english.stringPropertyNames()) {
				assertThat(arguments(translated.getProperty(key))).as("placeholders of %s in %s", key, language)
					.isEqualTo(arguments(english.getProperty(key)));
			}
		}
	}

	@Test
	void messagesHaveNoQuoteMessageFormatWouldSwallow() throws IOException {
		for (String suffix : List.of("", "_de", "_fr")) {
			Properties messages = bundle(suffix);
			for (String key : messages.stringPropertyNames()) {
				if (key.startsWith("cli.")) {
					assertThat(LONE_QUOTE.matcher(messages.getProperty(key)).find()).as("%s%s", key, suffix).isFalse();
				}
			}
		}
	}

	@Test
	void everyKeyTheCodeUsesIsInTheBundle() throws IOException {
		Set<String> keys = bundle("").stringPropertyNames();
		List<String> missing = new ArrayList<>();
		try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/gatehouse/server/cli"))) {
			for (Path source : sources.toList()) {
				Matcher used = USED_KEY.matcher(Files.readString(source));
				while (used.find()) {
					if (!keys.contains(used.group(1))) {
						missing.add(source.getFileName() + ": " + used.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyCommandIsDescribedAndEveryDescriptionIsOfACommand() throws IOException {
		Set<String> commands = new TreeSet<>();
		collect(GatehouseCli.commandLine(Beans.of()), commands);
		Set<String> described = new TreeSet<>();
		for (String key : bundle("").stringPropertyNames()) {
			int end = key.indexOf(".usage.description");
			if (end > 0) {
				described.add(key.substring(0, end));
			}
		}
		assertThat(described).isEqualTo(commands);
	}

	private static void collect(CommandLine command, Set<String> names) {
		names.add(command.getCommandSpec().qualifiedName("."));
		command.getSubcommands().values().forEach(sub -> collect(sub, names));
	}

	private static Properties bundle(String suffix) throws IOException {
		String name = CliMessages.BUNDLE.replace('.', '/') + suffix + ".properties";
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(CliMessageBundleTest.class.getClassLoader().getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> arguments(String message) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}
}
