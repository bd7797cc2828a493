package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a page shows comes from the bundle, and the bundle is complete in every language Gatehouse ships.
 */
class MessageBundleTest {

	private static final List<String> TRANSLATIONS = List.of("de", "fr");

	/** Attributes a person reads or hears: hard-coded values need a th: twin that replaces them. */
	private static final List<String> READ_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label");

	/** Words that are the same in every language. */
	private static final Set<String> ALLOWED = Set.of();

	private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

	@Test
	void everyTranslationHasExactlyTheKeysOfTheDefaultBundle() throws IOException {
		Set<String> keys = bundle("").stringPropertyNames();
		for (String language : TRANSLATIONS) {
			Set<String> translated = bundle("_" + language).stringPropertyNames();
			assertThat(difference(keys, translated)).as("keys missing in messages_%s.properties", language).isEmpty();
			assertThat(difference(translated, keys)).as("keys only in messages_%s.properties", language).isEmpty();
		}
	}

	@Test
	void everyTranslationKeepsThePlaceholders() throws IOException {
		Properties english = bundle("");
		for (String language : TRANSLATIONS) {
			Properties translated = bundle("_" + language);
			for (String key : english.stringPropertyNames()) {
				assertThat(arguments(translated.getProperty(key, ""))).as("placeholders of %s in %s", key, language)
					.isEqualTo(arguments(english.getProperty(key)));
			}
		}
	}

	@Test
	void templatesShowNoHardCodedText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Resource template : templates()) {
			Document page = Jsoup.parse(template.getContentAsString(StandardCharsets.UTF_8), "", Parser.htmlParser());
			for (Element element : page.getAllElements()) {
				if (replacesItsContent(element)) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (hasWords(text.text())) {
						found.add(template.getFilename() + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
					}
				}
				for (String name : READ_ATTRIBUTES) {
					if (element.hasAttr(name) && !element.hasAttr("th:" + name) && hasWords(element.attr(name))) {
						found.add(template.getFilename() + ": <" + element.tagName() + " " + name + "=\"" + element.attr(name) + "\">");
					}
				}
			}
		}
		assertThat(found).as("text outside th:text / #{...}").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesIsInTheBundle() throws IOException {
		Set<String> keys = bundle("").stringPropertyNames();
		List<String> missing = new ArrayList<>();
		for (Resource template : templates()) {
			Matcher key = LITERAL_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (key.find()) {
				if (!keys.contains(key.group(1))) {
					missing.add(template.getFilename() + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static boolean replacesItsContent(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			for (Attribute attribute : e.attributes()) {
				if (Set.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert", "th:remove").contains(attribute.getKey())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasWords(String text) {
		Matcher words = WORDS.matcher(text);
		while (words.find()) {
			if (!ALLOWED.contains(words.group())) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> arguments(String message) {
		Set<String> arguments = new TreeSet<>();
		Matcher argument = ARGUMENT.matcher(message);
		while (argument.find()) {
			arguments.add(argument.group(1));
		}
		return arguments;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

	private static Resource[] templates() throws IOException {
		return new PathMatchingResourcePatternResolver().getResources("classpath*:templates/gatehouse/**/*.html");
	}

	private static Properties bundle(String suffix) throws IOException {
		Properties properties = new Properties();
		Resource resource = new PathMatchingResourcePatternResolver()
			.getResource("classpath:" + MessagesAutoConfiguration.BASENAME + suffix + ".properties");
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
